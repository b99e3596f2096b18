/**
 * The demo's calls to the mock's control endpoints (`/__mock/*` under the base URL), over
 * HTTP as QA's own tools make them: loading a world of one's own, starting the current
 * tenant over. Each answers the mock's refusal in words (empty when it was done).
 */

/** A problem+json as the mock answers it: a detail, and every problem at fault. */
interface Problem {
  title?: string;
  detail?: string;
  errors?: { field?: string; message?: string }[];
}

/** The mock's refusal in words: what it says, then every problem it listed, one a line. */
export function problemLines(status: number, problem: unknown): string[] {
  const p = (problem && typeof problem === 'object' ? problem : {}) as Problem;
  const lines = [p.detail || p.title || `The mock answered ${status}.`];
  for (const e of p.errors ?? []) lines.push(e.field ? `${e.field}: ${e.message ?? ''}` : (e.message ?? ''));
  return lines;
}

/** Calls a control endpoint; answers the refusal in words, or `[]` when it was done. */
export async function control(baseUrl: string, method: string, path: string, body?: string): Promise<string[]> {
  let response: Response;
  try {
    response = await fetch(`${baseUrl.replace(/\/+$/, '')}/__mock${path}`, {
      method,
      ...(body === undefined ? {} : { body, headers: { 'content-type': 'application/json' } }),
    });
  } catch (e) {
    return [`The mock could not be reached: ${String(e)}`];
  }
  if (response.ok) return [];
  return problemLines(response.status, await response.json().catch(() => undefined));
}

/**
 * Loads a world (the JSON text of one, in the format of `mocks/world.schema.json`):
 * `PUT /__mock/world`. A malformed one is refused with every problem listed.
 */
export function loadWorld(baseUrl: string, json: string): Promise<string[]> {
  if (!json.trim()) return Promise.resolve(['Choose a world file or paste its JSON first.']);
  return control(baseUrl, 'PUT', '/world', json);
}

/**
 * Starts the tenant shown over, with no faults: the scenario again
 * (`POST /__mock/scenario/{name}`), or the world loaded by hand again. Not
 * `POST /__mock/reset`, which always goes to the mock's default tenant (and role admin).
 */
export async function startOver(
  baseUrl: string,
  scenario: string | undefined,
  world: string | undefined,
): Promise<string[]> {
  const problems = scenario
    ? await control(baseUrl, 'POST', `/scenario/${encodeURIComponent(scenario)}`)
    : world
      ? await loadWorld(baseUrl, world)
      : ['This world was loaded by hand before the page was reloaded: load its file again to start it over.'];
  return problems.length ? problems : control(baseUrl, 'PUT', '/faults', JSON.stringify({ items: [] }));
}
