const DAY = 86_400_000;
const PAD2 = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
const PAD3 = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

/**
 * A drop-in for `new Date(ms).toISOString()` for years 1970–9999, several times faster and with
 * far less garbage: the "YYYY-MM-DDT" part is cached per day and, for whole seconds, the
 * "HH:MM:SS.000Z" part per second of the day. The demo generator formats ~10 timestamps per deal;
 * Date#toISOString was half of its time.
 */
export function createIsoFormatter(): (ms: number) => string {
  // Indexed by days since 1970: a holey array is a faster cache than a Map here.
  const days: (string | undefined)[] = [];
  const seconds = new Array<string | undefined>(86_400);
  return (ms: number) => {
    const t = Math.floor(ms);
    if (t < 0) return new Date(t).toISOString();
    const day = Math.floor(t / DAY);
    let prefix = days[day];
    if (prefix === undefined) days[day] = prefix = new Date(day * DAY).toISOString().slice(0, 11);
    const inDay = t - day * DAY;
    const second = Math.floor(inDay / 1000);
    const millis = inDay - second * 1000;
    if (millis === 0) {
      let time = seconds[second];
      if (time === undefined) seconds[second] = time = timeOfDay(second, 0);
      return prefix + time;
    }
    return prefix + timeOfDay(second, millis);
  };
}

function timeOfDay(second: number, millis: number): string {
  const h = Math.floor(second / 3600);
  const m = Math.floor((second % 3600) / 60);
  return `${PAD2[h]}:${PAD2[m]}:${PAD2[second % 60]}.${PAD3[millis]}Z`;
}
