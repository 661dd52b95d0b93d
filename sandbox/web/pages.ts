import type { FrameContext } from '../app-host';
import { html, raw, type RawHtml } from './html';

/** Server-rendered pages of the fake Jira. Data comes from the Jira emulator as the session's user. */

export interface Persona {
  accountId: string;
  displayName: string;
  role: string;
}

export interface Chrome {
  title: string;
  user: Persona;
  personas: Persona[];
  colorMode: 'light' | 'dark';
  returnTo: string;
  project?: { key: string; name: string; active: 'issues' | 'lessons-learned' | 'settings' };
}

const THEME_LINKS = ['atlassian-light', 'atlassian-dark', 'atlassian-spacing', 'atlassian-typography', 'atlassian-shape']
  .map((name) => `<link rel="stylesheet" href="/sandbox/theme/${name}.css">`)
  .join('');

function sidebar(project: NonNullable<Chrome['project']>): RawHtml {
  const link = (href: string, label: string, active: boolean) => html`<a href="${href}" class="${active ? 'active' : ''}" ${raw(active ? 'aria-current="page"' : '')}>${label}</a>`;
  return html`<nav class="sidebar" aria-label="Project">
    <div class="project-name">${project.name}</div>
    ${link(`/projects/${project.key}`, 'Issues', project.active === 'issues')}
    ${link(`/projects/${project.key}/lessons-learned`, 'Lessons learned', project.active === 'lessons-learned')}
    ${link(`/projects/${project.key}/settings/lessons-learned`, 'Project settings · Lessons learned', project.active === 'settings')}
  </nav>`;
}

export function page(chrome: Chrome, body: RawHtml): string {
  const options = chrome.personas.map(
    (p) => html`<option value="${p.accountId}" ${raw(p.accountId === chrome.user.accountId ? 'selected' : '')}>${p.displayName} (${p.role})</option>`,
  );
  const main = html`<main class="content" id="main">${body}</main>`;
  return html`<!doctype html>
<html lang="en" data-theme="dark:dark light:light spacing:spacing typography:typography shape:shape" data-color-mode="${chrome.colorMode}">
<head>
  <meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${chrome.title} · Jira (sandbox)</title>
  ${raw(THEME_LINKS)}
  <link rel="stylesheet" href="/sandbox/static/jira.css">
</head>
<body>
  <header class="topnav">
    <a class="logo" href="/"><img src="/forge/icons/lessons-learned.svg" alt="" width="24" height="24"> Jira <span class="sandbox-badge">Sandbox</span></a>
    <a href="/">Projects</a>
    <a href="/apps/lessons-learned">Apps · Lessons learned</a>
    <span class="spacer"></span>
    <form method="post" action="/sandbox/daily-job"><input type="hidden" name="returnTo" value="${chrome.returnTo}"><button class="btn" type="submit">Run daily job now</button></form>
    <form method="post" action="/sandbox/theme"><input type="hidden" name="returnTo" value="${chrome.returnTo}">
      <button class="btn" type="submit" name="colorMode" value="${chrome.colorMode === 'dark' ? 'light' : 'dark'}">${chrome.colorMode === 'dark' ? 'Light theme' : 'Dark theme'}</button></form>
    <form method="post" action="/sandbox/user"><input type="hidden" name="returnTo" value="${chrome.returnTo}">
      <label for="user-switcher">Acting as</label>
      <select id="user-switcher" name="accountId" onchange="this.form.submit()">${options}</select>
      <noscript><button class="btn" type="submit">Switch</button></noscript>
    </form>
  </header>
  ${chrome.project ? html`<div class="layout">${sidebar(chrome.project)}${main}</div>` : main}
  <div id="flags" aria-live="polite"></div>
  <script src="/sandbox/static/bridge-host.js"></script>
</body>
</html>`.value;
}

/**
 * A Custom UI iframe as Jira embeds it: the resource's index.html, with the module's context.
 * `lazy`: loaded only when its <details> opens, as Jira loads an issue glance's content only
 * when the glance is opened (see bridge-host.js).
 */
export function forgeFrame(resource: string, context: FrameContext, title: string, className = '', lazy = false): RawHtml {
  const src = `/forge/${resource}/index.html`;
  return lazy
    ? html`<iframe class="forge-frame ${className}" title="${title}" data-lazy-src="${src}" data-forge-context="${JSON.stringify(context)}"></iframe>`
    : html`<iframe class="forge-frame ${className}" title="${title}" src="${src}" data-forge-context="${JSON.stringify(context)}"></iframe>`;
}
