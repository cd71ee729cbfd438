/** The credentials a claim's proposal leaves out, each with why (too old, level too low, revoked, ...). */
export function UnusedCredentials({ unused }: { unused: { credentialId: string; explanation: string }[] }) {
  if (unused.length === 0) return null;
  return (
    <>
      <h2>Credentials not used</h2>
      <ul>
        {unused.map((item) => (
          <li key={item.credentialId}>{item.explanation}</li>
        ))}
      </ul>
    </>
  );
}
