// erguard collect FILE… (placeholder: being written with the infrastructure-as-code collectors).
export async function runFileCollect(
  _inputs: string[],
  _opts: { parameters: string[]; param: string[]; out: string },
): Promise<void> {
  throw new Error("not implemented yet");
}
