// Preloaded into a child process by bench/hostile.ts: on exit, print the
// process's peak resident set size (worker threads included: same process).
process.on('exit', () => process.stderr.write(`\nMAXRSS_KB=${process.resourceUsage().maxRSS}\n`));
