/** The session's latest frame; the component re-renders when the session publishes (at most once a frame). */
import { useSyncExternalStore } from 'react';
import type { Controller, Frame } from './session.ts';

export function useFrame(controller: Controller): Frame {
  return useSyncExternalStore(
    (listener) => controller.subscribe(listener),
    () => controller.frame(),
  );
}
