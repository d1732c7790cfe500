/**
 * The command in a shell, as a user meets it (issue 15): help and version
 * on stdout, JSON Lines on stdout with `--out -`, and every refusal one line
 * with its documented exit code (README, "Exit codes"). Runs the real
 * binary, `bin/commitments.js`.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { Document, EXIT } from '../src/index.js'
import { cli, fixtureInputs, readJsonl, root, runCli, tmp } from './helpers.js'

const run = runCli
const release = path.join(root, 'fixtures', fs.readdirSync(path.join(root, 'fixtures')).sort().find((f) => fs.existsSync(path.join(root, 'fixtures', f, 'input.md')))!, 'input.md')
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }

/** One line on stderr, no stack trace, the exit code the README gives. */
function refused(result: { status: number | null; stderr: string }, code: number, pattern: RegExp) {
  expect(result.status, result.stderr).toBe(code)
  expect(result.stderr.trimEnd().split('\n'), result.stderr).toHaveLength(1)
  expect(result.stderr).toMatch(pattern)
  expect(result.stderr).not.toMatch(/\n\s+at |internal error/)
}

describe('help and version', () => {
  it('prints help for the command and for each subcommand on stdout, exit 0', () => {
    for (const args of [['--help'], ['-h'], ['help']]) {
      const result = run(args)
      expect(result.status, args.join(' ')).toBe(0)
      expect(result.stdout).toMatch(/^Usage: commitments <command>/)
      for (const command of ['extract', 'report', 'diff', 'explain', 'rules', 'schema']) expect(result.stdout).toMatch(new RegExp(`\\n  ${command} +\\S`))
      expect(result.stderr).toBe('')
    }
    for (const command of ['extract', 'report', 'diff', 'explain', 'rules', 'schema']) {
      for (const args of [[command, '--help'], [command, '-h'], ['help', command]]) {
        const result = run(args)
        expect(result.status, args.join(' ')).toBe(0)
        expect(result.stdout).toMatch(new RegExp(`^Usage:\\s+commitments ${command}`))
        expect(result.stderr).toBe('')
      }
    }
    expect(run(['extract', '--help']).stdout).toMatch(/--out DIR\|-/)
  })

  it('prints the version', () => {
    for (const flag of ['--version', '-V']) {
      const result = run([flag])
      expect(result.status).toBe(0)
      expect(result.stdout).toBe(`${pkg.version}\n`)
    }
  })

  it('refuses an unknown command or option in one line, exit 2', () => {
    refused(run(['frob']), EXIT.usage, /Unknown command `frob`, expected one of extract, report, explain, rules, diff, schema/)
    refused(run(['extract', '--frob']), EXIT.usage, /Unknown option '--frob'; see `commitments extract --help`/)
    refused(run(['extract', '--workers', 'x']), EXIT.usage, /Unexpected workers `x`/)
    // A value starting with a dash: how to give it, then what is wrong with it.
    refused(run(['extract', '--workers', '-1']), EXIT.usage, /Unexpected `-1` after --workers, read as an option: give it as `--workers=-1`/)
    refused(run(['extract', '--workers=-1']), EXIT.usage, /Unexpected workers `-1`, expected a whole number ≥ 0/)
    refused(run(['extract', '--shard', '5/2']), EXIT.usage, /Unexpected shard `5\/2`/)
  })
})

describe('--out -', () => {
  it('writes JSON Lines to stdout from stdin, diagnostics to stderr, nothing on disk', () => {
    const cwd = tmp()
    const result = run(['extract', '-', '--out', '-'], { cwd, input: fs.readFileSync(release) })
    expect(result.status, result.stderr).toBe(0)
    const lines = result.stdout.trimEnd().split('\n')
    expect(lines).toHaveLength(1)
    const document = JSON.parse(lines[0]!)
    expect(Document.safeParse(document).success).toBe(true)
    expect(document.title).toMatch(/FACT SHEET/)
    expect(result.stderr).toMatch(/1 documents, \d+ commitments, .* → stdout/)
    // No folder named `-`, no output folder, no database.
    expect(fs.readdirSync(cwd)).toEqual([])
  })

  it('feeds a shell pipe: cat release | extract - --out - | jq .title', () => {
    const jq = spawnSync('sh', ['-c', 'command -v jq']).status === 0
    const reader = jq ? 'jq -r .title' : `${JSON.stringify(process.execPath)} -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>console.log(JSON.parse(s).title))"`
    const result = spawnSync('sh', ['-c', `cat ${JSON.stringify(release)} | ${JSON.stringify(process.execPath)} ${JSON.stringify(cli)} extract - --out - --quiet | ${reader}`], { cwd: tmp(), encoding: 'utf8' })
    expect(result.status, result.stderr).toBe(0)
    expect(result.stdout).toMatch(/^FACT SHEET: .+\n$/)
  })

  it('stops quietly when the reader closes the pipe early', () => {
    const inputs = fixtureInputs().slice(0, 4).map((f) => JSON.stringify(f)).join(' ')
    const result = spawnSync('sh', ['-c', `${JSON.stringify(process.execPath)} ${JSON.stringify(cli)} extract ${inputs} --out - --quiet --workers 0 | head -c 10; echo " status $?"`], { cwd: tmp(), encoding: 'utf8' })
    expect(result.stdout).toMatch(/^\{"schemaVe.* status 0\n$/s)
    expect(result.stderr).not.toMatch(/EPIPE|Error/)
  })

  it('refuses --csv and report with --out -', () => {
    refused(run(['extract', release, '--out', '-', '--csv']), EXIT.usage, /--csv with --out -/)
    refused(run(['report', '--out', '-']), EXIT.usage, /report: the site needs an output folder/)
  })
})

describe('the output folder', () => {
  it('is made with its missing parents', () => {
    const out = path.join(tmp(), 'a', 'b', 'out')
    const result = run(['extract', release, '--out', out, '--quiet'])
    expect(result.status, result.stderr).toBe(0)
    expect(readJsonl(path.join(out, 'documents.jsonl'))).toHaveLength(1)
  })

  it('with a file in the way: one line, exit 3', () => {
    const file = path.join(tmp(), 'file')
    fs.writeFileSync(file, 'x')
    refused(run(['extract', release, '--out', path.join(file, 'out')]), EXIT.output, /Cannot write .*file\/out: a file is in the way of a folder \(ENOTDIR\); choose another --out folder/)
  })

  // root may write anywhere: run as nobody then, where nobody can read the
  // repository (a clone inside a private folder, as `mktemp -d` makes, cannot).
  const asRoot = process.getuid?.() === 0
  const nobodyReads = !asRoot || spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(cli)}, 4)`], { uid: 65534, gid: 65534 }).status === 0
  it.runIf(nobodyReads)('without write permission: one line, exit 3', () => {
    const dir = tmp()
    fs.chmodSync(dir, 0o555)
    const options: SpawnSyncOptions = asRoot ? { uid: 65534, gid: 65534, env: { ...process.env, HOME: '/tmp' } } : {}
    const result = run(['extract', release, '--out', path.join(dir, 'out'), '--no-db'], options)
    fs.chmodSync(dir, 0o755)
    refused(result, EXIT.output, /Cannot write .*out: permission denied \(EACCES\); choose another --out folder or fix its permissions/)
  })

  it('report, with a file where its folder goes: one line, exit 3', () => {
    const out = path.join(tmp(), 'out')
    expect(run(['extract', release, '--out', out, '--quiet', '--no-db']).status).toBe(0)
    fs.writeFileSync(path.join(out, 'report'), 'x')
    refused(run(['report', '--out', out]), EXIT.output, /Cannot write .*report.*: a file is in the way of a folder \(ENOTDIR\)/)
  })

  // A read-only file system needs a mount: a user and mount namespace (unshare, util-linux) gives one without privileges.
  const unshare = spawnSync('unshare', ['-rm', 'true']).status === 0
  it.runIf(unshare)('on a read-only file system: one line, exit 3 (not a crash)', () => {
    const dir = tmp()
    for (const out of [dir, path.join(dir, 'out')]) {
      const script = `mount -t tmpfs -o ro none ${JSON.stringify(dir)} && exec ${JSON.stringify(process.execPath)} ${JSON.stringify(cli)} extract ${JSON.stringify(release)} --out ${JSON.stringify(out)}`
      const result = spawnSync('unshare', ['-rm', 'sh', '-c', script], { cwd: root, encoding: 'utf8' })
      refused(result, EXIT.output, new RegExp(`Cannot write ${out}: read-only file system \\(EROFS\\); choose a writable --out folder`))
    }
  })
})

describe('--db', () => {
  it('refuses a scheme it does not support, listing those it does, and makes no file', () => {
    const cwd = tmp()
    refused(run(['extract', release, '--out', 'out', '--db', 'mysql://user@localhost/db'], { cwd }), EXIT.usage, /Unexpected --db scheme `mysql:`, expected one of: postgres:\/\/.*sqlite:FILE, or a file path/)
    expect(fs.readdirSync(cwd)).toEqual([])
    refused(run(['extract', release, '--out', 'out', '--db', 'postgres:///nohost'], { cwd }), EXIT.usage, /Unexpected --db `postgres:\/\/\/nohost`: no host/)
    refused(run(['extract', release, '--db', 'x.db', '--no-db'], { cwd }), EXIT.usage, /--db with --no-db/)
  })

  it('says when PostgreSQL cannot be reached: one line, exit 4', () => {
    // Port 1 on loopback: nothing listens there.
    refused(run(['extract', release, '--out', path.join(tmp(), 'out'), '--db', 'postgres://nobody@127.0.0.1:1/test']), EXIT.database, /Cannot use PostgreSQL at 127\.0\.0\.1:1\/test: connection refused; start the server or fix the host and port in --db/)
  })

  it('says when a SQLite file is not a database: one line, exit 4', () => {
    const file = path.join(tmp(), 'notes.txt')
    fs.writeFileSync(file, 'not a database, just some notes that are long enough to have a header page\n'.repeat(20))
    refused(run(['extract', release, '--out', path.join(tmp(), 'out'), '--db', file]), EXIT.database, /Cannot open SQLite database .*notes\.txt: file is not a database; choose another --db file, or --no-db/)
  })
})

describe('inputs', () => {
  it('counts a missing input file as failed and records it in errors.jsonl', () => {
    const dir = tmp()
    const result = run(['extract', release, 'missing.md', '--out', 'out'], { cwd: dir })
    expect(result.status).toBe(EXIT.failed)
    expect(result.stderr).toMatch(/missing\.md:1:1 error Cannot find file/)
    expect(result.stderr).toMatch(/1 documents, \d+ commitments, .*\b1 failed/)
    expect(readJsonl(path.join(dir, 'out', 'errors.jsonl'))).toEqual([{ path: 'missing.md', line: 1, column: 1, reason: 'Cannot find file: no such file or folder', ruleId: 'read' }])
    expect(readJsonl(path.join(dir, 'out', 'documents.jsonl'))).toHaveLength(1)
  })

  it('does not read a .txt note in a folder as a release, but reads a .txt named explicitly', () => {
    const dir = tmp()
    fs.mkdirSync(path.join(dir, 'releases'))
    fs.copyFileSync(release, path.join(dir, 'releases', 'a.md'))
    fs.writeFileSync(path.join(dir, 'releases', 'NOTES.txt'), 'Scraped on Monday; two pages missing.\n')
    const inFolder = run(['extract', 'releases', '--out', 'out'], { cwd: dir })
    expect(inFolder.status, inFolder.stderr).toBe(0)
    expect(inFolder.stderr).toMatch(/releases\/NOTES\.txt: skipped \(a \.txt note in a folder; name it to read it as a release\)/)
    expect(readJsonl(path.join(dir, 'out', 'documents.jsonl')).map((d) => d.source.path)).toEqual(['releases/a.md'])
    fs.writeFileSync(path.join(dir, 'release.txt'), '---\ntitle: A note\n---\n\n- The agencies will launch a pilot programme.\n')
    const named = run(['extract', 'release.txt', '--out', 'out2', '--quiet'], { cwd: dir })
    expect(named.status, named.stderr).toBe(0)
    expect(readJsonl(path.join(dir, 'out2', 'documents.jsonl'))[0].title).toBe('A note')
  })
})
