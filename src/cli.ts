#!/usr/bin/env node
/**
 * The `commitments` command: argv → command → exit code (README, "Exit
 * codes"). Each command is one entry of COMMANDS: its arguments, its help,
 * its options and its run function, which imports what it needs when it
 * runs, so a cold start pays only for the command at hand. Help and
 * `--version` go to stdout; diagnostics, progress and errors to stderr, an
 * error as one line that says what is wrong and what to do.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util'
import type { Values } from './commands/shared.js'
import { CommitmentsError, EXIT, errnoCode, usageError } from './errors.js'
import { packageVersion } from './version.js'


/** A command: its options parsed here and handed to `run`, or (`own`) a command that reads its own arguments, `--help` included. */
type Command = {
  /** What follows the command's name on its usage line. */
  args: string
  /** One line for `commitments --help`. */
  summary: string
} & (
  | {
      /** What `commitments <command> --help` says below the usage line. */
      help: string
      options: NonNullable<ParseArgsConfig['options']>
      positionals?: boolean
      run(values: Values, positionals: string[]): Promise<number>
    }
  | { own: (argv: string[]) => Promise<number> }
)

const COMMANDS: Record<string, Command> = {
  extract: {
    args: '[inputs…] [--out DIR|-] [--config FILE] [--force] [--shard i/n] [--workers N] [--db URL|FILE] [--no-db] [--csv] [--quiet]',
    summary: 'Extract commitments from releases into DIR, or as JSON Lines on stdout.',
    help: `Reads files, folders (recursively: .md, .markdown, .html, .htm, .jsonl,
.ndjson; a .txt in a folder is a note, not a release), globs, and - for stdin.
Without inputs, reads the inputs named in pipeline.config.ts.

  -o, --out DIR      Write DIR/documents.jsonl, DIR/documents/<id>.json,
                     DIR/errors.jsonl, DIR/manifest.jsonl and DIR/commitments.db
                     (default DIR: output, made if missing). --out - writes the
                     Documents as JSON Lines to stdout and nothing to disk.
  -c, --config FILE  The config (default: pipeline.config.ts, .mjs or .js here).
  -f, --force        Redo inputs the manifest shows unchanged.
      --shard i/n    Only the i-th of n shares of the inputs.
      --workers N    Worker threads (default: one per core; 0: none).
      --db URL|FILE  postgres://user@host:5432/db, sqlite:FILE or a file
                     (default: DIR/commitments.db; none with --out -).
      --no-db        No database.
      --csv          Also write DIR/commitments.csv (one row per commitment).
  -q, --quiet        No progress, no summary, warnings not listed.

Exit: 0 all inputs became Documents, 1 an input failed, 2 usage or config
error, 3 output folder not writable, 4 database unavailable, 75 another run
is writing DIR.`,
    options: {
      out: { type: 'string', short: 'o' },
      config: { type: 'string', short: 'c' },
      quiet: { type: 'boolean', short: 'q' },
      force: { type: 'boolean', short: 'f' },
      shard: { type: 'string' },
      workers: { type: 'string' },
      db: { type: 'string' },
      'no-db': { type: 'boolean' },
      csv: { type: 'boolean' }
    },
    positionals: true,
    run: async (values, positionals) => (await import('./commands/extract.js')).extract(values, positionals)
  },
  report: {
    args: '[--out DIR] [--config FILE]',
    summary: 'Build a static review site of DIR/documents.jsonl in DIR/report/.',
    help: `Open DIR/report/index.html in a browser (no server, no network).

  -o, --out DIR      The folder an extract wrote (default: output).
  -c, --config FILE  The config (default: pipeline.config.ts, .mjs or .js here).

Exit: 0 built, 1 DIR/documents.jsonl missing, 2 usage or config error,
3 DIR/report not writable.`,
    options: { out: { type: 'string', short: 'o' }, config: { type: 'string', short: 'c' } },
    run: async (values) => (await import('./commands/report.js')).report(values)
  },
  explain: {
    args: 'FILE|- [--config FILE]',
    summary: 'Print every decision on a release with the rule that made it.',
    help: `Extracts FILE (or stdin for -) and prints, per commitment, its action,
actor, entities, dates and amounts, each with the id of the rule that
decided it. Nothing is written to disk; \`commitments rules\` says what
each rule does.

  -c, --config FILE  The config (default: pipeline.config.ts, .mjs or .js here).

Exit: 0 explained, 1 the release failed (its messages on stderr), 2 usage
or config error.`,
    options: { config: { type: 'string', short: 'c' } },
    positionals: true,
    run: async (values, positionals) => (await import('./commands/explain.js')).explain(values, positionals)
  },
  rules: {
    args: '[--json]',
    summary: 'Print the rules reference: every rule id, what it does, an example.',
    help: `The rules behind every action, entity, date and amount (SPEC §9), as
markdown (docs/rules.md is this output), or as JSON with --json.

      --json         One JSON array of { family, id, what, example, yields }.

Exit: 0.`,
    options: { json: { type: 'boolean' } },
    run: async (values) => (await import('./rules/reference.js')).printReference(values.json === true)
  },
  diff: {
    args: 'OLD NEW [--json] [--out DIR] [--config FILE]',
    summary: 'What changed between two releases (files, or versions stored in DIR as ID@N).',
    own: async (argv) => (await import('./versions/diff-command.js')).diffCommand(argv)
  },
  schema: {
    args: '',
    summary: 'Print the JSON Schema of the output Document.',
    help: 'The schema (draft 2020-12) of each line of documents.jsonl.',
    options: {},
    run: async () => {
      const { documentJsonSchema } = await import('./schema/document.js')
      process.stdout.write(JSON.stringify(documentJsonSchema(), null, 2) + '\n')
      return EXIT.ok
    }
  }
}

const usageLine = (name: string) => `commitments ${name}${COMMANDS[name]!.args ? ` ${COMMANDS[name]!.args}` : ''}`

const OVERVIEW = `Usage: commitments <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, command]) => `  ${name.padEnd(9)}${command.summary}`)
  .join('\n')}

Run \`commitments <command> --help\` for a command's options; --version prints the version.
`

const commandHelp = (name: string) => {
  const command = COMMANDS[name]!
  return `Usage: ${usageLine(name)}\n\n${command.summary}\n${'help' in command ? command.help : ''}\n`
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (name === '--version' || name === '-V' || name === '-v') {
    process.stdout.write(`${packageVersion()}\n`)
    return EXIT.ok
  }
  if (name === undefined) {
    process.stderr.write(OVERVIEW)
    return EXIT.usage
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    const topic = rest[0]
    const command = topic && Object.hasOwn(COMMANDS, topic) ? COMMANDS[topic]! : undefined
    if (command && 'own' in command) return command.own(['--help'])
    process.stdout.write(command ? commandHelp(topic!) : OVERVIEW)
    return EXIT.ok
  }
  if (!Object.hasOwn(COMMANDS, name)) {
    throw usageError(`Unknown command \`${name}\`, expected one of ${Object.keys(COMMANDS).join(', ')}; see \`commitments --help\``)
  }
  const command = COMMANDS[name]!
  if ('own' in command) return command.own(rest)
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(commandHelp(name))
    return EXIT.ok
  }
  let parsed: { values: Values; positionals: string[] }
  try {
    parsed = parseArgs({ args: rest, options: command.options, allowPositionals: command.positionals === true, strict: true }) as typeof parsed
  } catch (error) {
    const message = (error as Error).message
    // "--workers -1": parseArgs reads a value starting with a dash as an option, and says how to give it.
    const ambiguous = /^Option '(--[\w-]+)' argument is ambiguous/.exec(message)
    const value = ambiguous ? rest[rest.indexOf(ambiguous[1]!) + 1] : undefined
    if (ambiguous && value !== undefined) {
      throw usageError(`Unexpected \`${value}\` after ${ambiguous[1]}, read as an option: give it as \`${ambiguous[1]}=${value}\`; see \`commitments ${name} --help\``)
    }
    // Node's own message, up to its first sentence ("Unknown option '--frob'").
    throw usageError(`${message.split(/\.\s/)[0]}; see \`commitments ${name} --help\``)
  }
  return command.run(parsed.values, parsed.positionals)
}

/** An error that reached the top: one line and its exit code; a stack only for a bug, and only with COMMITMENTS_DEBUG. */
function fail(error: unknown): number {
  // A refusal the user can act on carries its exit code (CommitmentsError; BusyError: another run holds the folder).
  const exitCode = (error as { exitCode?: unknown }).exitCode
  if (error instanceof CommitmentsError || typeof exitCode === 'number') {
    process.stderr.write(`commitments: ${(error as Error).message}\n`)
    return exitCode as number
  }
  const code = errnoCode(error)
  const where = (error as NodeJS.ErrnoException).path
  if (code && where) {
    process.stderr.write(`commitments: Cannot use ${where}: ${(error as Error).message.split('\n')[0]}\n`)
    return EXIT.failed
  }
  process.stderr.write(
    process.env.COMMITMENTS_DEBUG
      ? `commitments: ${(error as Error).stack ?? String(error)}\n`
      : `commitments: internal error: ${(error as Error).message?.split('\n')[0] ?? String(error)}; please report it (COMMITMENTS_DEBUG=1 prints the stack)\n`
  )
  return EXIT.internal
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.exitCode = fail(error)
  }
)
