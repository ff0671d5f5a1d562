// The command line: strict, every usage mistake a config_error naming what is wrong, help from the table.
import { describe, expect, it } from 'vitest';
import { COMMANDS, parseCommandLine } from '../src/cli.js';

describe('parseCommandLine', () => {
  it('reads the protocol commands as Airbyte calls them, with --opt value and --opt=value alike', () => {
    expect(parseCommandLine(['spec'])).toEqual({ command: 'spec', options: {} });
    expect(parseCommandLine(['read', '--config', 'c.json', '--catalog=k.json', '--state', 's.json'])).toEqual(
      {
        command: 'read',
        options: { config: 'c.json', catalog: 'k.json', state: 's.json' },
      },
    );
  });

  it('turns numbers into numbers and collects repeated faults', () => {
    const line = parseCommandLine(['simulate', '--port', '8080', '--fault', 'a', '--fault', 'b', '--json']);
    expect(line).toEqual({ command: 'simulate', options: { port: 8080, fault: ['a', 'b'], json: true } });
  });

  it.each([
    [[], /Name a command: spec, check, discover, read, simulate, demo/],
    [['frobnicate'], /Unknown command: frobnicate/],
    [['read', '--config', 'c.json'], /Missing required argument: catalog/],
    [['check'], /Missing required argument: config/],
    [['check', '--config', 'c', '--bogus'], /check: Unknown option '--bogus'/],
    [['discover', '--config', 'c', 'extra'], /discover: Unexpected argument 'extra'/],
    [['simulate', '--port', 'abc'], /--port must be a number, got "abc"/],
  ])('given %j, fails with a config_error that says so', (argv, message) => {
    expect(() => parseCommandLine(argv)).toThrow(message);
    expect(() => parseCommandLine(argv)).toThrow(expect.objectContaining({ failureType: 'config_error' }));
  });

  it('prints usage generated from the table: every command, and every option of a command', () => {
    const top = parseCommandLine(['--help']);
    expect(top.command).toBe('help');
    for (const name of Object.keys(COMMANDS))
      expect(top).toMatchObject({ text: expect.stringContaining(name) });
    const read = parseCommandLine(['read', '--help']);
    for (const option of Object.keys(COMMANDS.read.options)) {
      expect(read).toMatchObject({ text: expect.stringContaining(`--${option}`) });
    }
  });
});
