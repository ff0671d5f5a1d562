import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashValue, privacyTransform } from '../src/transform/privacy.js';

const record = () => ({
  email: ' Dev@Example.com ',
  actor: { user_email: 'eng@example.com', email: null },
  owner: { user: { email: 'owner@example.com' } },
  items: [{ invitee_email: 'a@b.c' }, { nested: [{ email: 'deep@x.y' }] }],
  event_details: {
    prompt_text: 'secret plan',
    response_text: 'answer',
    tool_input: { cmd: 'ls' },
    tool_output: 'out',
  },
  emails_sent: 3,
  title: 'keep me',
});

describe('privacy transform', () => {
  it('keeps everything when both handlings are keep (and costs nothing: same object back)', () => {
    const r = record();
    expect(privacyTransform({ email: 'keep', content: 'keep', salt: '' })(r)).toBe(r);
  });

  it('hashes every email field at any depth, in objects and arrays, as hex SHA-256 of salt + lower-cased trimmed value', () => {
    const out = privacyTransform({ email: 'hash', content: 'keep', salt: 's4lt' })(record()) as ReturnType<
      typeof record
    >;
    const expected = createHash('sha256').update('s4ltdev@example.com').digest('hex');
    expect(out.email).toBe(expected);
    expect(out.actor.user_email).toBe(hashValue('s4lt', 'eng@example.com'));
    expect(out.actor.email).toBeNull();
    expect(out.owner.user.email).toBe(hashValue('s4lt', 'owner@example.com'));
    expect(out.items[0]).toEqual({ invitee_email: hashValue('s4lt', 'a@b.c') });
    expect(JSON.stringify(out)).not.toContain('deep@x.y');
    expect(out.emails_sent).toBe(3);
    expect(out.event_details.prompt_text).toBe('secret plan');
  });

  it('is stable across syncs and depends on the salt', () => {
    expect(hashValue('a', 'X@y.z')).toBe(hashValue('a', ' x@Y.Z'));
    expect(hashValue('a', 'x@y.z')).not.toBe(hashValue('b', 'x@y.z'));
  });

  it('drops content fields to null, objects included, and leaves other text alone', () => {
    const out = privacyTransform({ email: 'keep', content: 'drop', salt: '' })(record()) as ReturnType<
      typeof record
    >;
    expect(out.event_details).toEqual({
      prompt_text: null,
      response_text: null,
      tool_input: null,
      tool_output: null,
    });
    expect(out.title).toBe('keep me');
    expect(out.email).toBe(' Dev@Example.com ');
  });

  it('hashes content, serializing objects first', () => {
    const out = privacyTransform({ email: 'drop', content: 'hash', salt: 'k' })(record()) as ReturnType<
      typeof record
    >;
    expect(out.event_details.tool_input).toBe(hashValue('k', JSON.stringify({ cmd: 'ls' })));
    expect(out.email).toBeNull();
  });
});
