// A base URL where nothing listens (connection refused) or whose name does not resolve is a config problem,
// not a blip: retrying it per stream cost ~30 s each, about five minutes for a full catalog. The first refusal
// (or the second failed lookup: DNS can hiccup once) marks the origin unreachable, and every later request to
// it, from any stream, fails at once with the same config_error. Only API hosts from the config are judged;
// the storage hosts of log downloads keep their retries.
import { SourceError } from '../engine/errors.js';
import type { KeyContext } from './http.js';

const REFUSED = new Set(['ECONNREFUSED']);
const UNRESOLVED = new Set(['ENOTFOUND', 'EAI_AGAIN']);

export class Reachability {
  private readonly unreachable = new Map<string, SourceError>();
  private readonly failedLookups = new Map<string, number>();

  /** Throws the remembered error when this origin already proved unreachable. */
  check(url: URL): void {
    const known = this.unreachable.get(url.origin);
    if (known) throw known;
  }

  reached(url: URL): void {
    this.failedLookups.delete(url.origin);
  }

  /** After a network failure: the config_error to throw instead, once the origin counts as unreachable. */
  judge(url: URL, code: string, auth: KeyContext): SourceError | undefined {
    const { origin } = url;
    if (UNRESOLVED.has(code)) {
      const failures = (this.failedLookups.get(origin) ?? 0) + 1;
      this.failedLookups.set(origin, failures);
      if (failures < 2) return undefined;
    } else if (!REFUSED.has(code)) return undefined;
    const setting = auth.keyName === 'admin_api_key' ? 'admin_api_base_url' : 'api_base_url';
    const why = REFUSED.has(code) ? 'the connection was refused' : 'the host name does not resolve';
    // `origin` holds scheme, host and port only: no path, query or user info that could carry a secret.
    const error = new SourceError(
      `${auth.api}: cannot reach ${origin} (${code}: ${why}). Check ${setting} and that the host is up; every stream on this host stops here instead of retrying.`,
      { code: 'HOST_UNREACHABLE', failureType: 'config_error', retryable: false },
    );
    this.unreachable.set(origin, error);
    return error;
  }
}
