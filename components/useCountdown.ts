import { useEffect, useState } from 'preact/hooks';

/**
 * Whole seconds left until `until` (epoch ms), ticking once a second; 0 once it has passed. `onDone` runs once
 * when it reaches 0 while the component is shown (not when it was already past on the first render).
 */
export function useCountdown(until: number, onDone?: () => void): number {
  const left = () => Math.max(0, Math.ceil((until - Date.now()) / 1000));
  const [seconds, setSeconds] = useState(left);
  useEffect(() => {
    if (left() === 0) {
      setSeconds(0);
      return;
    }
    const timer = setInterval(() => {
      const s = left();
      setSeconds(s);
      if (s === 0) {
        clearInterval(timer);
        onDone?.();
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [until]);
  return seconds;
}

/** "1:05" for 65 seconds, "12:00" for 720; hours as "1:02:03". */
export function clock(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
