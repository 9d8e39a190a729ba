// Preloaded (node -r) into the `arrears` process the CLI case times: on exit it writes
// the process's own CPU time (user + system, microseconds) and peak RSS to the file
// named by BENCH_CPU_OUT. Node has no rusage for a child, so the child reports its own.
const fs = require("node:fs");

const out = process.env.BENCH_CPU_OUT;
if (out) {
  process.on("exit", () => {
    const u = process.resourceUsage();
    fs.writeFileSync(out, JSON.stringify({ userUs: u.userCPUTime, systemUs: u.systemCPUTime, maxRssKb: u.maxRSS }));
  });
}
