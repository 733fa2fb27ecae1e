/** The terminal's size, re-read on every resize of the output stream (Ink 6 has no such hook; Ink 7 does). */
import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

export interface WindowSize {
  columns: number;
  rows: number;
}

function read(stdout: NodeJS.WriteStream): WindowSize {
  return { columns: stdout.columns || 80, rows: stdout.rows || 24 };
}

export function useWindowSize(): WindowSize {
  const { stdout } = useStdout();
  const [size, setSize] = useState(() => read(stdout));
  useEffect(() => {
    const onResize = (): void => setSize(read(stdout));
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}
