export default function Page() {
  return <a href="/login">Sign in</a>;
}
