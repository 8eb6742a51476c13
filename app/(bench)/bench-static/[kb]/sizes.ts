/** The yardstick pages /bench-static/<kb> prerendered for `npm run bench`, in KB. */
export const BENCH_STATIC_SIZES_KB = [50, 100, 150, 200, 250] as const;
