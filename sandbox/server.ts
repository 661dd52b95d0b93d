import express, { type Request, type Response } from 'express';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { JiraPrincipal } from './backends';
import type { AppHost, FrameContext, ModuleExtension, ModuleType } from './app-host';
import { MODULES } from './app-host';
import type { ForgeRuntime } from './forge-runtime';
import type { FaultConfig } from './faults';
import { jiraRequest } from './jira-as';
import { customUiContentSecurityPolicy, manifestResources } from './manifest-resources';
import { adfToText } from './web/adf-text';
import { html, raw, type RawHtml } from './web/html';
import { forgeFrame, page, type Chrome, type Persona } from './web/pages';

/**
 * The sandbox web server: a fake Jira (projects, issues, the app's modules in iframes), the bridge
 * host endpoints the iframes call, the Jira REST API as the session's user, and admin endpoints
 * (faults, call counts, daily job). Binds to 127.0.0.1 only.
 */
export interface SandboxWeb {
  runtime: ForgeRuntime;
  /** An attachment's bytes, as Jira's /attachment/content/{id} serves them (the page checks the reader may see its issue). */
  attachmentContent?: (id: number) => { attachment: { issueId: number; filename: string; mimeType: string }; content: Buffer } | undefined;
  app: AppHost;
  personas: Persona[];
  defaultAccountId: string;
  rootDir: string;
}

type ColorMode = 'light' | 'dark';

interface IssueBean {
  id: string;
  key: string;
  fields: {
    summary: string;
    description?: unknown;
    status: { name: string; statusCategory?: { key: string } };
    issuetype: { id: string; name: string };
    project: { id: string; key: string; name: string; projectTypeKey?: string };
    priority?: { name: string } | null;
    assignee?: { displayName: string } | null;
    reporter?: { displayName: string } | null;
    created: string;
    resolutiondate?: string | null;
    duedate?: string | null;
    labels?: string[];
    components?: { name: string }[];
    issuelinks?: { type: { inward: string; outward: string }; inwardIssue?: { key: string; fields?: { summary?: string } }; outwardIssue?: { key: string; fields?: { summary?: string } } }[];
    attachment?: { id: string; filename: string; size: number; created: string; author?: { displayName: string } }[];
  };
}

const THEME_NAMES = new Set(['atlassian-light', 'atlassian-dark', 'atlassian-spacing', 'atlassian-typography', 'atlassian-shape']);
const SHIM_TAG = '<script src="/sandbox/static/bridge-shim.js"></script>';

function cookies(req: Request): Record<string, string> {
  const header = req.headers.cookie ?? '';
  return Object.fromEntries(
    header
      .split(';')
      .map((part) => part.trim().split('='))
      .filter((pair): pair is [string, string] => pair.length === 2 && pair[0] !== undefined && pair[1] !== undefined)
      .map(([k, v]) => [k, decodeURIComponent(v)]),
  );
}

/** A text field of a posted form (anything else counts as empty). */
function formField(req: Request, name: string): string {
  const value = (req.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}

function safeReturnTo(value: unknown): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}

export function createServer(web: SandboxWeb): express.Express {
  const server = express();
  server.disable('x-powered-by');
  server.use(express.json({ limit: '6mb' }));
  server.use(express.urlencoded({ extended: false }));
  const jira = web.runtime.jira;
  const resources = manifestResources(path.join(web.rootDir, 'manifest.yml'));
  const customUiCsp = customUiContentSecurityPolicy(path.join(web.rootDir, 'manifest.yml'));

  const userOf = (req: Request): Persona => {
    const wanted = cookies(req).sandbox_user;
    return web.personas.find((p) => p.accountId === wanted) ?? web.personas.find((p) => p.accountId === web.defaultAccountId) ?? (web.personas[0] as Persona);
  };
  const colorModeOf = (req: Request): ColorMode => (cookies(req).sandbox_theme === 'dark' ? 'dark' : 'light');
  const asUser = (req: Request): JiraPrincipal => ({ kind: 'user', accountId: userOf(req).accountId });
  const siteUrl = (req: Request) => `${req.protocol}://${req.get('host') ?? '127.0.0.1'}`;
  const chrome = (req: Request, title: string, project?: Chrome['project']): Chrome => ({
    title,
    user: userOf(req),
    personas: web.personas,
    colorMode: colorModeOf(req),
    returnTo: req.originalUrl,
    ...(project ? { project } : {}),
  });
  const frameContext = (req: Request, extension: ModuleExtension): FrameContext =>
    web.app.frameContext(userOf(req).accountId, extension, { siteUrl: siteUrl(req), colorMode: colorModeOf(req) });
  const notice = (req: Request, res: Response, status: number, title: string, message: string) => {
    res.status(status).send(page(chrome(req, title), html`<h1>${title}</h1><div class="notice" role="alert">${message}</div>`));
  };

  // ---- Session controls -------------------------------------------------------------------
  server.post('/sandbox/user', (req, res) => {
    const accountId = formField(req, 'accountId');
    if (web.personas.some((p) => p.accountId === accountId)) res.cookie('sandbox_user', accountId, { httpOnly: true, sameSite: 'lax' });
    res.redirect(303, safeReturnTo((req.body as Record<string, unknown>).returnTo));
  });
  server.post('/sandbox/theme', (req, res) => {
    const mode = (req.body as Record<string, unknown>).colorMode === 'dark' ? 'dark' : 'light';
    res.cookie('sandbox_theme', mode, { sameSite: 'lax' });
    res.redirect(303, safeReturnTo((req.body as Record<string, unknown>).returnTo));
  });

  // ---- Static assets: host scripts, design-token themes, the app's Custom UI resources -----
  server.get('/sandbox/static/:file', (req, res) => {
    const allowed: Record<string, string> = { 'bridge-shim.js': 'text/javascript', 'bridge-host.js': 'text/javascript', 'jira.css': 'text/css' };
    const type = allowed[req.params.file];
    if (type === undefined) return void res.status(404).end();
    res.type(type).send(readFileSync(path.join(__dirname, 'web', req.params.file), 'utf8'));
  });
  server.get('/sandbox/theme/:name.css', (req, res) => {
    if (!THEME_NAMES.has(req.params.name)) return void res.status(404).end();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const css = (require(`@atlaskit/tokens/dist/cjs/artifacts/themes/${req.params.name}.js`) as { default: string }).default;
    res.type('text/css').set('Cache-Control', 'max-age=3600').send(css);
  });
  server.get('/forge/:resource/{*rest}', (req, res) => {
    const folder = resources.get(req.params.resource);
    if (folder === undefined) return void res.status(404).end();
    const restParam = (req.params as { rest?: string | string[] }).rest;
    const rest = Array.isArray(restParam) ? restParam.join('/') : (restParam ?? 'index.html');
    const file = path.resolve(web.rootDir, folder, rest);
    if (!file.startsWith(path.resolve(web.rootDir, folder) + path.sep)) return void res.status(404).end();
    res.set('Content-Security-Policy', customUiCsp);
    if (rest === 'index.html') {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        return void res.status(404).type('text').send(`Resource ${req.params.resource} is not built: run npm run build:ui`);
      }
      // The shim must exist before the app bundle (and so @forge/bridge) loads.
      return void res.type('html').send(text.replace('<head>', `<head>${SHIM_TAG}`));
    }
    res.sendFile(file, { dotfiles: 'deny' }, (error) => {
      if (error !== undefined && !res.headersSent) res.status(404).end();
    });
  });

  // ---- Bridge host: what the iframes' @forge/bridge calls reach ------------------------------
  server.post('/sandbox/bridge/invoke', async (req, res) => {
    const { context, functionKey, payload } = req.body as { context: FrameContext; functionKey: string; payload: unknown };
    try {
      const result = await web.app.invoke(userOf(req).accountId, context, functionKey, payload);
      res.json({ result });
    } catch (error) {
      res.status(500).json({ error: { message: error instanceof Error ? error.message : String(error) } });
    }
  });
  server.post('/sandbox/bridge/product', async (req, res) => {
    const { restPath, init } = req.body as { restPath: string; init?: { method?: string; headers?: [string, string][]; body?: string | null } };
    const answer = await jira.handle({
      method: (init?.method ?? 'GET').toUpperCase(),
      path: restPath,
      headers: Object.fromEntries(init?.headers ?? []),
      ...(typeof init?.body === 'string' ? { body: init.body } : {}),
      as: asUser(req),
    });
    res.json({ status: answer.status, statusText: '', headers: answer.headers, body: answer.body });
  });

  // ---- Jira REST as the session's user (what a browser on Jira could call) ------------------
  server.all('/rest/{*path}', async (req, res) => {
    const answer = await jira.handle({
      method: req.method,
      path: req.originalUrl,
      headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])),
      ...(req.body !== undefined && Object.keys(req.body as object).length > 0 ? { body: JSON.stringify(req.body) } : {}),
      as: asUser(req),
    });
    res.status(answer.status).set(answer.headers).send(answer.body);
  });

  // ---- Admin: faults, call counts, scheduled job --------------------------------------------
  server.get('/sandbox/api/faults', (_req, res) => res.json(web.runtime.faults.current()));
  server.put('/sandbox/api/faults', (req, res) => {
    web.runtime.faults.configure(req.body as FaultConfig);
    res.json(web.runtime.faults.current());
  });
  server.get('/sandbox/api/calls', (_req, res) => res.json({ total: web.runtime.calls.count(), byOperation: web.runtime.calls.byOperation() }));
  server.post('/sandbox/api/calls/reset', (_req, res) => {
    web.runtime.calls.reset();
    res.json({ ok: true });
  });
  server.post('/sandbox/api/daily-job', async (_req, res) => res.json({ result: await web.app.runDailyJob() }));
  server.post('/sandbox/daily-job', async (req, res) => {
    await web.app.runDailyJob();
    res.redirect(303, safeReturnTo((req.body as Record<string, unknown>).returnTo));
  });

  // ---- Fake Jira pages ----------------------------------------------------------------------
  server.get('/', async (req, res) => {
    const reply = await jiraRequest<{ values: { key: string; name: string; id: string }[] }>(jira, asUser(req), 'GET', '/rest/api/3/project/search?maxResults=50');
    const rows = reply.body.values.map((p) => html`<tr><td><a href="/projects/${p.key}">${p.name}</a></td><td>${p.key}</td></tr>`);
    res.send(page(chrome(req, 'Projects'), html`<h1>Projects</h1>
      ${rows.length === 0 ? html`<p>You cannot see any projects. Switch user to explore the sandbox.</p>` : html`<table class="issues"><thead><tr><th>Name</th><th>Key</th></tr></thead><tbody>${rows}</tbody></table>`}`));
  });

  const loadProject = async (req: Request, key: string) => {
    const reply = await jiraRequest<{ id: string; key: string; name: string; projectTypeKey: string }>(jira, asUser(req), 'GET', `/rest/api/3/project/${encodeURIComponent(key)}`);
    return reply.status === 200 ? reply.body : undefined;
  };

  server.get('/projects/:key', async (req, res) => {
    const project = await loadProject(req, req.params.key);
    if (project === undefined) {
      notice(req, res, 404, 'Project not found', "This project doesn't exist or you don't have permission to view it.");
      return;
    }
    const reply = await jiraRequest<{ issues?: IssueBean[] }>(jira, asUser(req), 'POST', '/rest/api/3/search/jql', {
      jql: `project = ${project.key} ORDER BY created DESC`,
      fields: ['summary', 'status', 'issuetype', 'priority', 'assignee', 'created'],
      maxResults: 100,
    });
    const rows = (reply.body.issues ?? []).map(
      (i) => html`<tr><td>${i.fields.issuetype.name}</td><td><a href="/browse/${i.key}">${i.key}</a></td><td>${i.fields.summary}</td>
        <td><span class="status ${i.fields.status.statusCategory?.key ?? ''}">${i.fields.status.name}</span></td><td>${i.fields.priority?.name ?? ''}</td>
        <td>${i.fields.assignee?.displayName ?? 'Unassigned'}</td><td>${i.fields.created.slice(0, 10)}</td></tr>`,
    );
    res.send(page(chrome(req, project.name, { key: project.key, name: project.name, active: 'issues' }), html`
      <div class="breadcrumbs">Projects / ${project.name}</div><h1>Issues</h1>
      <table class="issues"><thead><tr><th>Type</th><th>Key</th><th>Summary</th><th>Status</th><th>Priority</th><th>Assignee</th><th>Created</th></tr></thead>
      <tbody>${rows}</tbody></table>`));
  });

  const projectModule = (type: ModuleType, active: 'lessons-learned' | 'settings', title: string) => async (req: Request<{ key: string }>, res: Response) => {
    const project = await loadProject(req, req.params.key);
    if (project === undefined) {
      notice(req, res, 404, 'Project not found', "This project doesn't exist or you don't have permission to view it.");
      return;
    }
    const context = frameContext(req, { type, project: { id: project.id, key: project.key, type: project.projectTypeKey } });
    res.send(page(chrome(req, title, { key: project.key, name: project.name, active }), html`
      <div class="breadcrumbs">Projects / ${project.name} / ${title}</div>
      ${forgeFrame(MODULES[type].resource, context, title, 'page')}`));
  };
  server.get('/projects/:key/lessons-learned', projectModule('jira:projectPage', 'lessons-learned', 'Lessons learned'));
  server.get('/projects/:key/settings/lessons-learned', projectModule('jira:projectSettingsPage', 'settings', 'Lessons learned settings'));

  // Apps → Lessons learned: the app's global page, with no project in its context.
  server.get('/apps/lessons-learned', (req, res) => {
    const context = frameContext(req, { type: 'jira:globalPage' });
    res.send(page(chrome(req, 'Lessons learned · all projects'), html`
      <div class="breadcrumbs">Apps / Lessons learned</div>
      ${forgeFrame(MODULES['jira:globalPage'].resource, context, 'Lessons learned, all projects', 'page')}`));
  });

  server.get('/browse/:key', async (req, res) => {
    const fields = 'summary,description,status,issuetype,project,priority,assignee,reporter,created,resolutiondate,duedate,labels,components,issuelinks,attachment';
    const reply = await jiraRequest<IssueBean>(jira, asUser(req), 'GET', `/rest/api/3/issue/${encodeURIComponent(req.params.key)}?fields=${fields}`);
    if (reply.status !== 200) {
      notice(req, res, 404, "You can't view this issue", "It may have been deleted or you don't have permission to view it.");
      return;
    }
    const issue = reply.body;
    const transitions = await jiraRequest<{ transitions?: { id: string; name: string }[] }>(jira, asUser(req), 'GET', `/rest/api/3/issue/${issue.key}/transitions`);
    const f = issue.fields;
    const links = (f.issuelinks ?? []).map((link) => {
      const other = link.outwardIssue ?? link.inwardIssue;
      const verb = link.outwardIssue ? link.type.outward : link.type.inward;
      return other ? html`<li>${verb} <a href="/browse/${other.key}">${other.key}</a> ${other.fields?.summary ?? ''}</li>` : html``;
    });
    const transitionButtons = (transitions.body.transitions ?? []).map(
      (t) => html`<button class="btn" type="submit" name="transitionId" value="${t.id}">${t.name}</button>`,
    );
    const issueExtension = {
      issue: { id: issue.id, key: issue.key, type: f.issuetype.name, typeId: f.issuetype.id },
      project: { id: f.project.id, key: f.project.key, type: f.project.projectTypeKey ?? 'software' },
    };
    const context = frameContext(req, { type: 'jira:issuePanel', ...issueExtension });
    const glanceContext = frameContext(req, { type: 'jira:issueGlance', ...issueExtension });
    const details: [string, RawHtml | string][] = [
      ['Status', html`<span class="status ${f.status.statusCategory?.key ?? ''}">${f.status.name}</span>`],
      ['Type', f.issuetype.name],
      ['Priority', f.priority?.name ?? 'None'],
      ['Assignee', f.assignee?.displayName ?? 'Unassigned'],
      ['Reporter', f.reporter?.displayName ?? ''],
      ['Created', f.created.slice(0, 16).replace('T', ' ')],
      ['Resolved', f.resolutiondate ? f.resolutiondate.slice(0, 16).replace('T', ' ') : '—'],
      ['Due date', f.duedate ?? '—'],
      ['Labels', (f.labels ?? []).join(', ') || 'None'],
      ['Components', (f.components ?? []).map((c) => c.name).join(', ') || 'None'],
    ];
    res.send(page(chrome(req, `${issue.key} ${f.summary}`, { key: f.project.key, name: f.project.name, active: 'issues' }), html`
      <div class="breadcrumbs">Projects / <a href="/projects/${f.project.key}">${f.project.name}</a> / ${issue.key}</div>
      <div class="issue-view">
        <div class="issue-main">
          <h1>${f.summary}</h1>
          <h2>Description</h2><div class="description">${adfToText(f.description).trim() || 'No description'}</div>
          ${links.length > 0 ? html`<h2>Linked issues</h2><ul class="links">${links}</ul>` : ''}
          ${(f.attachment ?? []).length > 0
            ? html`<h2>Attachments</h2><ul class="attachments" aria-label="Attachments">${(f.attachment ?? []).map(
                (file) => html`<li><a href="/sandbox/attachment/${file.id}">${file.filename}</a> <span class="subtle">${String(Math.ceil(file.size / 1024))} KB · ${file.author?.displayName ?? ''} · ${file.created.slice(0, 16).replace('T', ' ')}</span></li>`,
              )}</ul>`
            : ''}
          <section class="app-panel" aria-label="Lessons learned (app)">
            <header><img src="/forge/icons/lessons-learned.svg" alt="">Lessons learned</header>
            ${forgeFrame(MODULES['jira:issuePanel'].resource, context, 'Lessons learned')}
          </section>
        </div>
        <aside class="issue-side" aria-label="Details">
          <form method="post" action="/browse/${issue.key}/transition"><div class="transitions">${transitionButtons}</div></form>
          <h2>Details</h2>
          <dl>${details.map(([label, value]) => html`<dt>${label}</dt><dd>${value}</dd>`)}</dl>
          <details class="glance">
            <summary><img src="/forge/icons/lessons-learned.svg" alt="">Lessons learned</summary>
            ${forgeFrame(MODULES['jira:issueGlance'].resource, glanceContext, 'Issue glance: Lessons learned', 'glance', true)}
          </details>
        </aside>
      </div>`));
  });

  // An attachment's bytes (Jira's /attachment/content/{id}), for whoever may see its issue.
  server.get('/sandbox/attachment/:id', async (req, res) => {
    const found = /^\d+$/.test(req.params.id) ? web.attachmentContent?.(Number(req.params.id)) : undefined;
    const visible = found === undefined ? undefined : await jiraRequest(jira, asUser(req), 'GET', `/rest/api/3/issue/${String(found.attachment.issueId)}?fields=summary`);
    if (found === undefined || visible?.status !== 200) {
      notice(req, res, 404, 'Attachment not found', "It may have been deleted or you don't have permission to view it.");
      return;
    }
    res.setHeader('Content-Type', found.attachment.mimeType);
    res.setHeader('Content-Disposition', `attachment; filename="${found.attachment.filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.send(found.content);
  });

  server.post('/browse/:key/transition', async (req, res) => {
    const transitionId = formField(req, 'transitionId');
    const reply = await jiraRequest(jira, asUser(req), 'POST', `/rest/api/3/issue/${encodeURIComponent(req.params.key)}/transitions`, { transition: { id: transitionId } });
    if (reply.status >= 300) {
      notice(req, res, reply.status, 'Transition failed', JSON.stringify(reply.body));
      return;
    }
    res.redirect(303, `/browse/${encodeURIComponent(req.params.key)}`);
  });

  // A module with a context of the caller's choosing: what a tampered frontend could send.
  server.get('/sandbox/frame/:resource', (req, res) => {
    const entry = Object.entries(MODULES).find(([, m]) => m.resource === req.params.resource);
    if (entry === undefined) return void res.status(404).end();
    const [type] = entry as [ModuleType, unknown];
    const issueKey = typeof req.query.issueKey === 'string' ? req.query.issueKey : undefined;
    const projectKey = typeof req.query.projectKey === 'string' ? req.query.projectKey : (issueKey?.split('-')[0] ?? 'SEC');
    const context = frameContext(req, {
      type,
      ...(issueKey ? { issue: { id: '0', key: issueKey, type: 'Incident', typeId: '0' } } : {}),
      project: { id: '0', key: projectKey, type: 'software' },
    });
    res.send(page(chrome(req, `Module ${req.params.resource}`), html`<h1>${raw('Module with a hand-made context')}</h1>${forgeFrame(req.params.resource, context, `Module ${req.params.resource}`, 'page')}`));
  });

  return server;
}
