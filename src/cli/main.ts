export async function main(io: { argv: string[]; stdout: NodeJS.WritableStream }): Promise<number> {
  await import('mathjs');
  io.stdout.write('hello ' + io.argv.join(' ') + '\n');
  return 0;
}
