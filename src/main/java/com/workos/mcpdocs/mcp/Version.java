package com.workos.mcpdocs.mcp;

/** The server's version, from the jar manifest. */
public final class Version {

    private Version() {
    }

    public static String current() {
        String version = Version.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
