// The console's page: the plugins and actions, the selected action's form, the current run followed by
// server-sent events, and the list of runs. Text is always set with textContent.
"use strict";

(() => {
  const state = { plugins: [], plugin: null, action: null, source: null, runId: null, categories: {}, metrics: {} };
  const $ = (selector) => document.querySelector(selector);

  function el(tag, attributes, text) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes || {})) node.setAttribute(key, String(value));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  async function api(method, path, body) {
    const options = { method: method, headers: {} };
    if (body !== undefined) {
      options.headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(body);
    }
    const response = await fetch(path, options);
    let data = null;
    try { data = await response.json(); } catch (e) { data = null; }
    return { status: response.status, data: data };
  }

  async function loadPlugins() {
    const { status, data } = await api("GET", "/api/plugins");
    const nav = $("#plugins");
    nav.replaceChildren();
    if (status !== 200) {
      nav.appendChild(el("p", { class: "error" }, "Cannot list the plugins (HTTP " + status + ")"));
      return;
    }
    state.plugins = data.plugins;
    for (const plugin of data.plugins) {
      nav.appendChild(el("h3", { title: plugin.description }, plugin.name));
      nav.appendChild(el("div", { class: "plugin-meta" }, plugin.code + " " + plugin.version + " · " + plugin.category));
      for (const action of plugin.actions) {
        const button = el("button", { type: "button", "data-plugin": plugin.code, "data-action": action.name }, action.name);
        button.addEventListener("click", () => selectAction(plugin, action, button));
        nav.appendChild(button);
      }
      for (const pipeline of plugin.pipelines || []) {
        const button = el("button", { type: "button", class: "pipeline", "data-plugin": plugin.code, "data-pipeline": pipeline.name }, pipeline.name);
        button.addEventListener("click", () => selectPipeline(plugin, pipeline, button));
        nav.appendChild(button);
      }
    }
    const first = nav.querySelector("button[data-action]");
    if (first) first.click();
  }

  function selectPipeline(plugin, pipeline, button) {
    state.plugin = plugin;
    state.action = null;
    state.pipeline = pipeline;
    for (const node of document.querySelectorAll("nav button.selected")) node.classList.remove("selected");
    button.classList.add("selected");
    $("#action").hidden = false;
    $("#action-title").textContent = plugin.code + " · pipeline " + (pipeline.title || pipeline.name);
    $("#action-description").textContent = pipeline.description || "";
    const config = $("#action-config");
    config.replaceChildren();
    config.appendChild(el("dt", {}, "actions"));
    config.appendChild(el("dd", {}, pipeline.actions.join(" → ")));
    SynapseForms.build(pipeline.params_schema, $("#fields"));
    $("#validate-button").hidden = true;
    $("#form-status").textContent = "";
    $("#mode").value = "local";
  }

  function selectAction(plugin, action, button) {
    state.plugin = plugin;
    state.action = action;
    state.pipeline = null;
    $("#validate-button").hidden = false;
    for (const node of document.querySelectorAll("nav button.selected")) node.classList.remove("selected");
    button.classList.add("selected");
    $("#action").hidden = false;
    $("#action-title").textContent = plugin.code + " · " + action.title;
    $("#action-description").textContent = action.description || plugin.description || "";
    const config = $("#action-config");
    config.replaceChildren();
    const rows = [["action", action.name], ["method", action.method], ["category", action.category],
      ["input type", action.input_type], ["output type", action.output_type], ["plugin source", plugin.source]];
    for (const [name, value] of rows) {
      if (!value) continue;
      config.appendChild(el("dt", {}, name));
      config.appendChild(el("dd", {}, value));
    }
    SynapseForms.build(action.params_schema, $("#fields"));
    $("#mode").value = "local";
  }

  function request() {
    const { params, errors } = SynapseForms.collect($("#fields"));
    const local = Object.entries(errors).map(([path, message]) => ({ path: path, message: message, constraint: "Json" }));
    return { body: { plugin: state.plugin.code, action: state.action.name, mode: $("#mode").value, params: params }, local: local };
  }

  function showError(container, error) {
    container.replaceChildren();
    container.appendChild(el("code", {}, error.code));
    container.appendChild(document.createTextNode(": " + error.message));
    const details = Object.assign({}, error.details || {});
    delete details.violations;
    if (Object.keys(details).length) container.appendChild(el("pre", {}, JSON.stringify(details, null, 2)));
    container.hidden = false;
  }

  async function validate() {
    const { body, local } = request();
    $("#form-status").textContent = "";
    if (local.length) {
      SynapseForms.showViolations($("#fields"), $("#form-violations"), local);
      return;
    }
    const { status, data } = await api("POST", "/api/validate", body);
    if (status === 200) {
      SynapseForms.clearViolations($("#fields"), $("#form-violations"));
      $("#form-status").textContent = "The params are valid.";
      return;
    }
    showRequestError(data);
  }

  function showRequestError(data) {
    const error = (data && data.error) || { code: "error", message: "the console did not answer" };
    if (error.violations) {
      SynapseForms.showViolations($("#fields"), $("#form-violations"), error.violations);
    } else {
      SynapseForms.clearViolations($("#fields"), $("#form-violations"));
      $("#form-violations").textContent = error.code + ": " + error.message;
    }
  }

  async function runPipeline() {
    const { params, errors } = SynapseForms.collect($("#fields"));
    const local = Object.entries(errors).map(([path, message]) => ({ path: path, message: message, constraint: "Json" }));
    if (local.length) {
      SynapseForms.showViolations($("#fields"), $("#form-violations"), local);
      return;
    }
    const body = { plugin: state.plugin.code, pipeline: state.pipeline.name, mode: $("#mode").value, params: params };
    const { status, data } = await api("POST", "/api/pipeline-runs", body);
    if (status !== 202) {
      showRequestError(data);
      return;
    }
    SynapseForms.clearViolations($("#fields"), $("#form-violations"));
    $("#form-status").textContent = "Pipeline run " + data.run_id + " started.";
    refreshPipelineRuns();
  }

  async function run(event) {
    event.preventDefault();
    $("#form-status").textContent = "";
    if (state.pipeline) {
      await runPipeline();
      return;
    }
    const { body, local } = request();
    if (local.length) {
      SynapseForms.showViolations($("#fields"), $("#form-violations"), local);
      return;
    }
    const { status, data } = await api("POST", "/api/runs", body);
    if (status !== 202) {
      showRequestError(data);
      return;
    }
    SynapseForms.clearViolations($("#fields"), $("#form-violations"));
    follow(data.run);
    refreshRuns();
  }

  function resetRunView(run) {
    state.runId = run.id;
    state.categories = {};
    state.metrics = {};
    $("#run").hidden = false;
    $("#run-id").textContent = run.id + " · " + run.plugin + " " + run.action + " (" + run.mode + ")";
    setStatus(run.status);
    $("#run-job").textContent = "";
    $("#category-bars").replaceChildren();
    $("#metrics tbody").replaceChildren();
    $("#log").replaceChildren();
    $("#run-error").hidden = true;
    $("#result").textContent = "(running)";
    $("#result").className = "muted";
    setBar($("#overall-bar"), $("#overall-text"), 0);
  }

  function setStatus(status) {
    const badge = $("#run-status");
    badge.textContent = status;
    badge.className = "status " + status;
  }

  function setBar(fill, text, percent) {
    const value = Math.max(0, Math.min(100, percent || 0));
    fill.style.width = value + "%";
    fill.setAttribute("data-percent", String(Math.round(value * 10) / 10));
    text.textContent = Math.round(value) + "%";
  }

  function categoryBar(category) {
    if (!state.categories[category]) {
      const row = el("div", { class: "bar-row category", "data-category": category });
      row.appendChild(el("span", { class: "bar-label" }, category));
      const bar = el("div", { class: "bar" });
      const fill = el("div", { class: "fill category-bar", "data-category": category, "data-percent": "0" });
      bar.appendChild(fill);
      row.appendChild(bar);
      const text = el("span", { class: "bar-text" }, "0%");
      row.appendChild(text);
      $("#category-bars").appendChild(row);
      state.categories[category] = { fill: fill, text: text };
    }
    return state.categories[category];
  }

  function showMetrics(category, data) {
    for (const [name, value] of Object.entries(data || {})) {
      const key = category + "/" + name;
      let row = state.metrics[key];
      if (!row) {
        row = el("tr", { "data-metric": key });
        row.appendChild(el("td", {}, category));
        row.appendChild(el("td", {}, name));
        row.appendChild(el("td", {}));
        $("#metrics tbody").appendChild(row);
        state.metrics[key] = row;
      }
      row.lastChild.textContent = typeof value === "object" ? JSON.stringify(value) : String(value);
    }
  }

  function logLine(text, level) {
    const item = el("li", { class: "level-" + (level || "info") }, text);
    const log = $("#log");
    log.appendChild(item);
    while (log.children.length > 500) log.removeChild(log.firstChild);
    log.scrollTop = log.scrollHeight;
  }

  function follow(run) {
    if (state.source) state.source.close();
    resetRunView(run);
    const source = new EventSource("/api/runs/" + encodeURIComponent(run.id) + "/events");
    state.source = source;
    source.addEventListener("plugin", (message) => {
      const event = JSON.parse(message.data);
      const category = event.category || event.action || "default";
      if (event.type === "progress" && event.progress) {
        const bar = categoryBar(category);
        setBar(bar.fill, bar.text, event.progress.percent);
        setBar($("#overall-bar"), $("#overall-text"), event.overall);
      } else if (event.type === "metrics") {
        showMetrics(category, event.data);
      } else {
        const text = event.message || event.name || "";
        const data = event.data && Object.keys(event.data).length ? " " + JSON.stringify(event.data) : "";
        logLine("[" + event.level + "] " + (event.type === "message" ? "message: " : "") + text + data, event.level);
      }
    });
    source.addEventListener("log", (message) => {
      for (const line of JSON.parse(message.data).lines) logLine(line, "job");
    });
    source.addEventListener("job", (message) => {
      $("#run-job").textContent = "Ray job " + JSON.parse(message.data).job_id;
    });
    source.addEventListener("result", (message) => {
      const data = JSON.parse(message.data);
      for (const bar of Object.values(state.categories)) setBar(bar.fill, bar.text, 100);
      setBar($("#overall-bar"), $("#overall-text"), 100);
      $("#result").textContent = JSON.stringify(data.result, null, 2);
      $("#result").className = "";
    });
    source.addEventListener("error", (message) => {
      if (!message.data) return; // the connection's own error event
      showError($("#run-error"), JSON.parse(message.data).error);
      $("#result").textContent = "(no result)";
    });
    source.addEventListener("end", (message) => {
      setStatus(JSON.parse(message.data).status);
      source.close();
      refreshRuns();
    });
  }

  async function refreshRuns() {
    const { status, data } = await api("GET", "/api/runs");
    const connection = $("#connection");
    if (status !== 200) {
      connection.textContent = "disconnected (HTTP " + status + ")";
      return;
    }
    connection.textContent = "";
    const body = $("#runs-table tbody");
    body.replaceChildren();
    for (const run of data.runs) {
      const row = el("tr", { "data-run": run.id });
      row.appendChild(el("td", {}, run.id));
      row.appendChild(el("td", {}, run.plugin + " " + run.action));
      row.appendChild(el("td", {}, run.mode));
      const statusCell = el("td", {});
      statusCell.appendChild(el("span", { class: "status " + run.status }, run.status));
      row.appendChild(statusCell);
      row.appendChild(el("td", {}, Math.round(run.overall || 0) + "%"));
      row.appendChild(el("td", {}, run.job_id || ""));
      row.appendChild(el("td", { class: "tail" }, (run.log_tail || []).slice(-5).join("\n")));
      const actions = el("td", {});
      const open = el("button", { type: "button", class: "open" }, "show");
      open.addEventListener("click", () => follow(run));
      actions.appendChild(open);
      if (run.status === "running") {
        const stop = el("button", { type: "button", class: "stop" }, "stop");
        stop.addEventListener("click", async () => { await api("POST", "/api/runs/" + run.id + "/stop"); refreshRuns(); });
        actions.appendChild(stop);
      }
      row.appendChild(actions);
      body.appendChild(row);
    }
  }

  async function refreshPipelineRuns() {
    const { status, data } = await api("GET", "/api/pipeline-runs");
    const body = $("#pipeline-runs-table tbody");
    if (status !== 200) {
      body.replaceChildren(el("tr", {}, "the run store cannot be read (HTTP " + status + ")"));
      return;
    }
    body.replaceChildren();
    for (const run of data.runs) {
      const row = el("tr", { "data-pipeline-run": run.run_id });
      row.appendChild(el("td", {}, run.run_id));
      row.appendChild(el("td", {}, run.plugin + " " + run.pipeline));
      row.appendChild(el("td", {}, run.mode || ""));
      const statusCell = el("td", {});
      statusCell.appendChild(el("span", { class: "status " + (run.status === "completed" ? "succeeded" : run.status) }, run.status));
      row.appendChild(statusCell);
      row.appendChild(el("td", {}, Math.round(run.progress) + "%"));
      const actions = el("td", {});
      for (const action of run.actions) {
        actions.appendChild(el("span", { class: "action-status", "data-action": action.action, "data-status": action.status },
          action.action + ": " + action.status + (action.attempts > 1 ? " (" + action.attempts + " tries)" : "")));
      }
      row.appendChild(actions);
      row.appendChild(el("td", {}, run.error ? (run.error.code || "") + " " + (run.error.message || "") : ""));
      const buttons = el("td", {});
      if (run.served && (run.status === "failed" || run.status === "cancelled")) {
        const resume = el("button", { type: "button", class: "resume" }, "resume");
        resume.addEventListener("click", async () => {
          await api("POST", "/api/pipeline-runs/" + encodeURIComponent(run.run_id) + "/resume", { mode: run.mode || "local" });
          refreshPipelineRuns();
        });
        buttons.appendChild(resume);
      }
      if (run.status === "running" || run.status === "pending") {
        const cancel = el("button", { type: "button", class: "cancel" }, "cancel");
        cancel.addEventListener("click", async () => {
          await api("POST", "/api/pipeline-runs/" + encodeURIComponent(run.run_id) + "/cancel", {});
          refreshPipelineRuns();
        });
        buttons.appendChild(cancel);
      }
      row.appendChild(buttons);
      body.appendChild(row);
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    $("#params-form").addEventListener("submit", run);
    $("#validate-button").addEventListener("click", validate);
    loadPlugins();
    refreshRuns();
    refreshPipelineRuns();
    setInterval(() => { refreshRuns(); refreshPipelineRuns(); }, 3000);
  });
})();
