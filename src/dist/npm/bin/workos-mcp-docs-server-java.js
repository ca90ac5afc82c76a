#!/usr/bin/env node
// Starts workos-mcp-docs-server (MCP over stdio with no arguments; --help for the commands), with, in this order:
//   1. the runtime package npm installed for this platform (a Java runtime, the server and its class-data sharing
//      archive), through its launcher;
//   2. the jar in this package with a Java 17+ from JAVA_HOME, else from the PATH;
//   3. else a message saying what to install.
// stdin, stdout and stderr are the server's own; its exit status is this process's.
'use strict';
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const pkg = require('../package.json');
const windows = process.platform === 'win32';
const runtimePackage = `${pkg.name}-${process.platform}-${process.arch}`;
const here = path.join(__dirname, '..');

function fromRuntimePackage() {
  let manifest;
  try {
    manifest = require.resolve(`${runtimePackage}/package.json`);
  } catch {
    return null;
  }
  const dir = path.dirname(manifest);
  // The runtime's ahead-of-time cache holds only for the jar's modification time when it was made, and npm dates
  // every file anew when it installs a package: the time is set back once (a read-only installation starts without
  // the cache, more slowly).
  const { jarTime } = require(manifest);
  const jar = path.join(dir, 'lib', 'workos-mcp-docs-server.jar');
  try {
    if (jarTime && Math.floor(fs.statSync(jar).mtimeMs / 1000) !== jarTime) fs.utimesSync(jar, jarTime, jarTime);
  } catch {
    // read-only
  }
  return { command: path.join(dir, 'bin', windows ? 'workos-mcp-docs-server.cmd' : 'workos-mcp-docs-server'), args: [] };
}

// The major version of a Java installation, from its release file, else from `java -version`.
function javaMajor(java) {
  let version;
  try {
    const release = fs.readFileSync(path.join(path.dirname(fs.realpathSync(java)), '..', 'release'), 'utf8');
    version = /JAVA_VERSION="([^"]+)"/.exec(release)[1];
  } catch {
    const run = spawnSync(java, ['-version'], { encoding: 'utf8' });
    version = (/version "([^"]+)"/.exec(run.stderr || '') || [])[1];
  }
  if (!version) return 0;
  const parts = version.split('.');
  return Number(parts[0] === '1' ? parts[1] : parts[0]);
}

function findJava() {
  const exe = windows ? 'java.exe' : 'java';
  const candidates = [];
  if (process.env.JAVA_HOME) candidates.push(path.join(process.env.JAVA_HOME, 'bin', exe));
  for (const dir of (process.env.PATH || '').split(path.delimiter)) if (dir) candidates.push(path.join(dir, exe));
  const found = candidates.filter((file) => fs.existsSync(file));
  for (const java of found) if (javaMajor(java) >= 17) return { java };
  return { tooOld: found };
}

function fromJava() {
  const { java, tooOld } = findJava();
  if (!java) return { tooOld };
  const jar = path.join(here, 'lib', 'workos-mcp-docs-server.jar');
  if (windows) {
    return { command: java, args: ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-Xmx128m', '-jar', jar] };
  }
  // The launcher beside the jar has the measured JVM settings; it runs the java of JAVA_HOME, else of the PATH.
  return { command: path.join(here, 'bin', 'workos-mcp-docs-server'), args: [], javaHome: path.dirname(path.dirname(java)) };
}

const start = fromRuntimePackage() || fromJava();
if (!start.command) {
  const found = start.tooOld.length ? ` (found only older: ${start.tooOld.join(', ')})` : '';
  process.stderr.write(
    `${pkg.name}: no Java runtime to start the server with${found}.\n` +
      `Either let npm install this platform's runtime package, ${runtimePackage} (do not use --omit=optional or ` +
      `--no-optional; it exists only for the platforms it was built for),\n` +
      `or install a Java 17 or newer (a JRE is enough, e.g. Eclipse Temurin 17 from https://adoptium.net) and put its ` +
      `bin folder on the PATH or set JAVA_HOME to it.\n`);
  process.exit(1);
}

// The server's `config CLIENT` then prints the npx form of this package.
const env = { ...process.env, WORKOS_DOCS_NPM_PACKAGE: pkg.name };
if (start.javaHome) env.JAVA_HOME = start.javaHome;
const child = spawn(start.command, [...start.args, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env,
  shell: windows && start.command.endsWith('.cmd'),
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => child.kill(signal));
}
child.on('error', (error) => {
  process.stderr.write(`${pkg.name}: cannot start ${start.command}: ${error.message}\n`);
  process.exit(1);
});
child.on('exit', (code, signal) => process.exit(code === null ? (signal === 'SIGTERM' ? 143 : 1) : code));
