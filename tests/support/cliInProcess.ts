/**
 * CLI commands run in-process on a fresh commander program, on the embedded store whatever the shell
 * has: the same code as the binary without a process start each (seconds apiece on a busy machine).
 * Status 1 and the message when a command throws, as scripts/cli.ts does.
 */
import { Command } from 'commander';

export async function runCliInProcess(
  registers: ((program: Command) => void)[],
  args: string[],
): Promise<{ status: number; stdout: string; stderr: string }> {
  const program = new Command().exitOverride();
  registers.forEach((register) => register(program));
  let stdout = '';
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const saved = process.env.NEO4J_URI;
  delete process.env.NEO4J_URI;
  try {
    await program.parseAsync(args, { from: 'user' });
    return { status: 0, stdout, stderr: '' };
  } catch (error) {
    return { status: 1, stdout, stderr: `error: ${(error as Error).message}\n` };
  } finally {
    write.mockRestore();
    if (saved !== undefined) process.env.NEO4J_URI = saved;
  }
}
