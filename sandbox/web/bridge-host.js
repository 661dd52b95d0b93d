// The fake-Jira side of the bridge: answers the calls that Custom UI iframes make through
// bridge-shim.js. Each iframe carries its Forge context in data-forge-context; the server decides
// who the user is from the session, never from what a frame sends.
(function () {
  'use strict';
  var listeners = []; // { frame, event, callbackId }

  function frames() {
    return Array.prototype.slice.call(document.querySelectorAll('iframe[data-forge-context]'));
  }

  function frameFor(source) {
    return frames().find(function (frame) { return frame.contentWindow === source; });
  }

  function postJson(url, body) {
    return fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), credentials: 'same-origin' })
      .then(function (response) {
        return response.json().then(function (json) {
          if (!response.ok) throw json.error || { message: 'Sandbox host error ' + response.status };
          return json;
        });
      });
  }

  function showFlag(options) {
    var area = document.getElementById('flags');
    if (!area) return;
    var flag = document.createElement('div');
    flag.className = 'flag flag-' + (options.type || 'info');
    flag.setAttribute('role', options.type === 'error' ? 'alert' : 'status');
    flag.setAttribute('data-flag-id', options.id);
    var title = document.createElement('strong');
    title.textContent = options.title || '';
    var description = document.createElement('p');
    description.textContent = options.description || '';
    flag.appendChild(title);
    flag.appendChild(description);
    area.appendChild(flag);
    if (options.isAutoDismiss !== false) setTimeout(function () { flag.remove(); }, 8000);
  }

  function navigate(payload) {
    var url = payload.url;
    if (!url && payload.target === 'issue') url = '/browse/' + encodeURIComponent(payload.issueKey);
    if (!url && payload.target === 'projectPage') url = '/projects/' + encodeURIComponent(payload.projectKey) + '/lessons-learned';
    if (!url) throw { message: 'Unsupported navigation target' };
    if (payload.type === 'new-tab') window.open(url, '_blank', 'noopener');
    else window.location.assign(url);
  }

  var handlers = {
    getContext: function (frame) { return JSON.parse(frame.getAttribute('data-forge-context')); },
    invoke: function (frame, payload) {
      return postJson('/sandbox/bridge/invoke', { context: JSON.parse(frame.getAttribute('data-forge-context')), functionKey: payload.functionKey, payload: payload.payload })
        .then(function (json) { return json.result; });
    },
    fetchProduct: function (_frame, payload) {
      if (payload.product !== 'jira') throw { message: 'Only Jira is emulated in the sandbox' };
      return postJson('/sandbox/bridge/product', { restPath: payload.restPath, init: payload.fetchRequestInit });
    },
    showFlag: function (_frame, payload) { showFlag(payload); return {}; },
    closeFlag: function (_frame, payload) {
      var flag = document.querySelector('[data-flag-id="' + CSS.escape(payload.id) + '"]');
      if (flag) flag.remove();
      return {};
    },
    navigate: function (_frame, payload) { navigate(payload); return {}; },
    getUrl: function (_frame, payload) { return payload.target === 'issue' ? '/browse/' + payload.issueKey : '/'; },
    reload: function () { window.location.reload(); return {}; },
    refresh: function () { window.location.reload(); return {}; },
    on: function (frame, payload) { listeners.push({ frame: frame, event: payload.event, callbackId: payload.callback.__forgeCallback }); return {}; },
    emit: function (_frame, payload) {
      listeners.filter(function (l) { return l.event === payload.event; }).forEach(function (l) {
        l.frame.contentWindow.postMessage({ type: 'forge-bridge-callback', callbackId: l.callbackId, payload: payload.payload }, window.location.origin);
      });
      return {};
    },
    createHistory: function () { return {}; },
    emitReadyEvent: function () { return {}; },
    changeWindowTitle: function () { return {}; },
  };

  window.addEventListener('message', function (event) {
    if (event.origin !== window.location.origin) return;
    var frame = frameFor(event.source);
    if (!frame) return;
    var message = event.data || {};
    if (message.type === 'forge-resize') {
      // A glance is one line; panels and pages keep a usable minimum while they load.
      frame.style.height = Math.max(frame.classList.contains('glance') ? 28 : 120, message.height + 4) + 'px';
      return;
    }
    if (message.type !== 'forge-bridge-call') return;
    var reply = function (ok, value) {
      frame.contentWindow.postMessage({ type: 'forge-bridge-result', id: message.id, ok: ok, value: ok ? value : undefined, error: ok ? undefined : value }, window.location.origin);
    };
    var handler = handlers[message.name];
    if (!handler) { reply(false, { message: 'The sandbox does not emulate bridge call "' + message.name + '"' }); return; }
    Promise.resolve()
      .then(function () { return handler(frame, message.payload || {}); })
      .then(function (value) { reply(true, value); }, function (error) { reply(false, { message: (error && error.message) || String(error) }); });
  });

  // An issue glance's content loads when the glance is opened, as in Jira.
  document.addEventListener('toggle', function (event) {
    var details = event.target;
    if (!details.open || !details.querySelectorAll) return;
    details.querySelectorAll('iframe[data-lazy-src]').forEach(function (frame) {
      if (!frame.getAttribute('src')) frame.setAttribute('src', frame.getAttribute('data-lazy-src'));
    });
  }, true);

  // Theme switch: Jira tells the frames, which re-apply their design tokens.
  window.sandboxSetTheme = function (colorMode) {
    document.documentElement.setAttribute('data-color-mode', colorMode);
    frames().forEach(function (frame) {
      var context = JSON.parse(frame.getAttribute('data-forge-context'));
      context.theme = { colorMode: colorMode };
      frame.setAttribute('data-forge-context', JSON.stringify(context));
      frame.contentWindow.postMessage({ type: 'forge-theme', colorMode: colorMode }, window.location.origin);
    });
  };
})();
