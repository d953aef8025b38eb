// Params forms from an action's generated JSON Schema (draft 2020-12, keyed by wire names), and the
// params object read back from them. Text is always set with textContent, never parsed as HTML.
"use strict";

const SynapseForms = (() => {
  const MAX_DEPTH = 8;

  function el(tag, attributes, text) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes || {})) {
      if (value !== undefined && value !== null && value !== false) node.setAttribute(key, value === true ? "" : String(value));
    }
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function resolve(root, node) {
    let current = node || {};
    for (let hops = 0; hops < MAX_DEPTH && current.$ref; hops++) {
      const ref = current.$ref;
      if (!ref.startsWith("#/")) return current;
      current = ref.substring(2).split("/").reduce((at, part) => (at || {})[part.replace(/~1/g, "/").replace(/~0/g, "~")], root) || {};
    }
    return current;
  }

  function typeOf(schema) {
    if (Array.isArray(schema.enum)) return "enum";
    const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
    if (type === "object" && schema.properties) return "record";
    if (type === "object") return "json";
    if (type === "array") {
      return "array";
    }
    return type || "json";
  }

  // One field: a label with the wire name, the input, the description and a place for its violation.
  function field(root, container, name, declared, path, required, depth) {
    const schema = Object.assign({}, resolve(root, declared), declared.$ref ? { description: declared.description } : {});
    if (declared.default !== undefined) schema.default = declared.default;
    const kind = typeOf(schema);
    if (kind === "record" && depth < MAX_DEPTH) {
      const set = el("fieldset", { "data-path": path, "data-kind": "record" });
      set.appendChild(el("legend", {}, name + (required ? " *" : "")));
      if (schema.description) set.appendChild(el("p", { class: "description muted" }, schema.description));
      set.appendChild(el("div", { class: "violation", "data-violation-for": path }));
      render(root, set, schema, path + ".", depth + 1);
      container.appendChild(set);
      return;
    }
    const row = el("div", { class: "field", "data-path": path });
    const id = "field-" + path.replace(/[^A-Za-z0-9_-]/g, "_");
    const label = el("label", { for: id }, name);
    if (required) label.appendChild(el("span", { class: "required", title: "required" }, " *"));
    row.appendChild(label);
    row.appendChild(input(root, schema, kind, id, path, required));
    const hints = [];
    if (schema.description) hints.push(schema.description);
    const bounds = constraints(schema, kind);
    if (bounds) hints.push(bounds);
    if (hints.length) row.appendChild(el("div", { class: "description" }, hints.join(" · ")));
    row.appendChild(el("div", { class: "violation", "data-violation-for": path, role: "alert" }));
    container.appendChild(row);
  }

  function input(root, schema, kind, id, path, required) {
    const secret = schema.writeOnly === true;
    const common = { id: id, name: path, "data-kind": kind, "data-required": required };
    if (kind === "enum") {
      const select = el("select", common);
      if (!required || schema.default === undefined) select.appendChild(el("option", { value: "" }, ""));
      for (const value of schema.enum) {
        select.appendChild(el("option", { value: String(value), selected: schema.default === value }, String(value)));
      }
      return select;
    }
    if (kind === "boolean") {
      return el("input", Object.assign({ type: "checkbox", checked: schema.default === true }, common));
    }
    if (kind === "integer" || kind === "number") {
      return el("input", Object.assign({
        type: "number", step: kind === "integer" ? "1" : "any",
        min: schema.minimum, max: schema.maximum,
        value: schema.default !== undefined ? String(schema.default) : undefined,
      }, common));
    }
    if (kind === "array") {
      const items = resolve(root, schema.items || {});
      const itemKind = typeOf(items);
      const scalar = ["string", "integer", "number", "boolean", "enum"].includes(itemKind);
      const area = el("textarea", Object.assign({
        "data-item-kind": scalar ? itemKind : "json", "data-secret": secret,
        placeholder: scalar ? "one value per line" : "a JSON array",
      }, common));
      if (!secret && Array.isArray(schema.default) && schema.default.length) {
        area.value = scalar ? schema.default.join("\n") : JSON.stringify(schema.default);
      }
      return area;
    }
    if (kind === "json") {
      const area = el("textarea", Object.assign({ placeholder: "JSON", "data-secret": secret }, common));
      if (!secret && schema.default !== undefined) area.value = JSON.stringify(schema.default);
      return area;
    }
    // Strings: a secret is a password field, never given a value by the page.
    return el("input", Object.assign({
      type: secret ? "password" : "text", autocomplete: secret ? "new-password" : "off",
      value: !secret && schema.default !== undefined ? String(schema.default) : undefined,
      placeholder: schema.format ? schema.format : undefined,
    }, common));
  }

  function constraints(schema, kind) {
    const parts = [];
    if (schema.minimum !== undefined) parts.push(">= " + schema.minimum);
    if (schema.exclusiveMinimum !== undefined) parts.push("> " + schema.exclusiveMinimum);
    if (schema.maximum !== undefined) parts.push("<= " + schema.maximum);
    if (schema.exclusiveMaximum !== undefined) parts.push("< " + schema.exclusiveMaximum);
    if (schema.minLength !== undefined) parts.push("length >= " + schema.minLength);
    if (schema.maxLength !== undefined) parts.push("length <= " + schema.maxLength);
    if (schema.minItems !== undefined) parts.push("items >= " + schema.minItems);
    if (schema.maxItems !== undefined) parts.push("items <= " + schema.maxItems);
    if (schema.format) parts.push(schema.format);
    if (schema.writeOnly === true) parts.push("secret");
    if (kind === "array" && schema.uniqueItems) parts.push("unique");
    return parts.join(", ");
  }

  function render(root, container, schema, prefix, depth) {
    const required = new Set(schema.required || []);
    for (const [name, declared] of Object.entries(schema.properties || {})) {
      field(root, container, name, declared, prefix + name, required.has(name), depth);
    }
  }

  /** Renders the form of `schema` into `container` (emptied first). */
  function build(schema, container) {
    container.replaceChildren();
    const root = resolve(schema, schema);
    render(schema, container, root, "", 0);
    if (!Object.keys(root.properties || {}).length) container.appendChild(el("p", { class: "muted" }, "This action takes no params."));
  }

  function scalar(kind, text) {
    if (kind === "integer" || kind === "number") {
      const number = Number(text);
      return text.trim() !== "" && Number.isFinite(number) ? number : text; // the binder names what is wrong
    }
    if (kind === "boolean") return text.trim().toLowerCase() === "true" ? true : text.trim().toLowerCase() === "false" ? false : text;
    return text;
  }

  function setPath(target, path, value) {
    const parts = path.split(".");
    let at = target;
    for (const part of parts.slice(0, -1)) {
      at[part] = at[part] || {};
      at = at[part];
    }
    at[parts[parts.length - 1]] = value;
  }

  /**
   * The params the form holds: empty fields are left out (so defaults and required apply on the
   * server), numbers as numbers, lists one item per line. Returns {params, errors} where errors maps a
   * path to a message for fields whose JSON does not parse.
   */
  function collect(container) {
    const params = {};
    const errors = {};
    for (const node of container.querySelectorAll("[data-kind]:not(fieldset)")) {
      const kind = node.getAttribute("data-kind");
      const path = node.name;
      if (kind === "boolean") {
        setPath(params, path, node.checked);
        continue;
      }
      const text = node.value;
      if (text === "") continue;
      if (kind === "array") {
        const itemKind = node.getAttribute("data-item-kind");
        if (itemKind === "json") {
          try { setPath(params, path, JSON.parse(text)); } catch (e) { errors[path] = "is not a valid JSON array"; }
        } else {
          setPath(params, path, text.split("\n").filter((line) => line.trim() !== "").map((line) => scalar(itemKind, line.trim())));
        }
      } else if (kind === "json") {
        try { setPath(params, path, JSON.parse(text)); } catch (e) { errors[path] = "is not valid JSON"; }
      } else {
        setPath(params, path, scalar(kind, text));
      }
    }
    return { params: params, errors: errors };
  }

  /** Clears every violation shown. */
  function clearViolations(container, formLevel) {
    for (const node of container.querySelectorAll("[data-violation-for]")) node.textContent = "";
    for (const node of container.querySelectorAll(".invalid")) node.classList.remove("invalid");
    formLevel.textContent = "";
  }

  /**
   * Shows each violation on its field: the field whose path is the violation's (list indexes and map
   * keys dropped until one matches), else above the buttons.
   */
  function showViolations(container, formLevel, violations) {
    clearViolations(container, formLevel);
    for (const violation of violations) {
      let path = violation.path || "";
      let target = null;
      while (path !== "" && !target) {
        target = container.querySelector('[data-violation-for="' + CSS.escape(path) + '"]');
        if (!target) path = path.replace(/(\[[^\]]*\]|\.[^.[\]]*)$/, "") === path ? "" : path.replace(/(\[[^\]]*\]|\.[^.[\]]*)$/, "");
      }
      const text = (violation.path ? violation.path + ": " : "") + violation.message + (violation.constraint ? " [" + violation.constraint + "]" : "");
      if (target) {
        target.textContent = target.textContent ? target.textContent + "; " + text : text;
        target.parentElement.classList.add("invalid");
      } else {
        formLevel.appendChild(el("div", {}, text));
      }
    }
  }

  return { build: build, collect: collect, showViolations: showViolations, clearViolations: clearViolations };
})();
