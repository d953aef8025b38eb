"""Loads config.yaml files with the platform's own synapse-sdk and prints what it read, as JSON.

Usage: python load_configs.py CONFIG.yaml...

For each file, PluginDiscovery.from_path (the SDK's config model, pydantic) loads it, and the plugin's
and each action's fields are printed back: {"path", "ok", "plugin": {...}, "actions": {...},
"warnings": [...]}, or {"path", "ok": false, "error"} when the SDK refuses the file. One JSON document
on standard output; the caller compares it with what it generated.
"""

import json
import sys
import warnings

import yaml

from synapse_sdk.plugins.discovery import PluginDiscovery


def value(field):
    return getattr(field, "value", field)


def load(path):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            discovery = PluginDiscovery.from_path(path)
        except Exception as error:  # the SDK's refusal is the answer, whatever its type
            return {"path": path, "ok": False, "error": f"{type(error).__name__}: {error}"}
    config = discovery.config
    with open(path) as f:
        raw = yaml.safe_load(f)
    actions = {}
    for name in discovery.list_actions():
        action = discovery.get_action_config(name)
        actions[name] = {
            "name": action.name,
            "description": action.description,
            "entrypoint": action.entrypoint,
            "method": value(action.method),
            "input_type": action.input_type,
            "output_type": action.output_type,
        }
    return {
        "path": path,
        "ok": True,
        "plugin": {
            "name": config.name,
            "code": config.code,
            "version": config.version,
            "category": value(config.category),
            "description": config.description,
        },
        "actions": actions,
        # Top-level keys the platform's model does not have, which it ignores (pydantic's default), and the
        # names under each mapping-valued one: our pipelines key must be one of them, not an action.
        "extra_keys": {
            key: sorted(value) if isinstance(value, dict) else []
            for key, value in raw.items()
            if key not in type(config).model_fields and key not in ("package",)
        },
        # Warnings about the config itself (e.g. a version that is not SemVer); not the SDK's own.
        "warnings": [str(w.message) for w in caught if "synapse_sdk/plugins/actions" not in str(w.filename)],
    }


def main(paths):
    json.dump([load(path) for path in paths], sys.stdout, indent=2, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1:])
