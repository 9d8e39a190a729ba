// npm stop: stops the server npm start left running and, on Windows/macOS, unregisters the sideloaded add-in.
import { existsSync, readFileSync, rmSync } from "node:fs";
import { platform } from "node:os";
import { spawnSync } from "node:child_process";

if (existsSync(".dev-server.pid")) {
  const pid = Number(readFileSync(".dev-server.pid", "utf8"));
  try {
    process.kill(pid, "SIGTERM");
    console.log(`Stopped the add-in server (process ${pid}).`);
  } catch {
    console.log("The add-in server was not running.");
  }
  rmSync(".dev-server.pid");
} else {
  console.log("No add-in server recorded as running.");
}
if (platform() === "win32" || platform() === "darwin") {
  spawnSync("npx", ["--yes", "office-addin-debugging@6", "stop", "manifest.xml"], { stdio: "inherit", shell: platform() === "win32" });
}
