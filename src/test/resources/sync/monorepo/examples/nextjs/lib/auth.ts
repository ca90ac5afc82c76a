export const clientId = process.env.WORKOS_CLIENT_ID;
