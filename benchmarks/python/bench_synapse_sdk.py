"""The Python original's figures: run_plugin LOCAL of the seeds' tutorial action (100 items with
set_progress, then metrics), warm per call and cold per process.

    python bench_synapse_sdk.py once             run the action once (a cold process does only this)
    python bench_synapse_sdk.py warm CALLS OUT   run it CALLS times after a warm-up; write the
                                                 per-call times in microseconds to OUT as JSON

Console output of the SDK goes wherever the caller sends standard output and error (the harness
discards it); results go to a file so that output cannot mix with them.
"""
import json
import os
import sys
import tempfile
import time

CONFIG = """name: My Plugin
code: my_plugin
version: 0.1.0
category: custom

actions:
  process:
    name: Process Files
    description: Process input files with batch processing
    entrypoint: my_plugin.actions:ProcessAction
    method: task
"""

INIT = 'from my_plugin.actions import ProcessAction  # noqa: F401\n'

PARAMS = '''from pydantic import BaseModel, Field


class ProcessParams(BaseModel):
    """Parameters for the process action."""

    input_path: str = Field(..., description='Path to input file')
    output_path: str = Field(..., description='Path to output file')
    batch_size: int = Field(default=32, ge=1, le=1024)
    verbose: bool = False
'''

ACTIONS = '''from synapse_sdk.plugins import BaseAction
from synapse_sdk.plugins.enums import PluginCategory
from my_plugin.params import ProcessParams


class ProcessAction(BaseAction[ProcessParams]):
    """Process files with progress tracking."""

    action_name = 'process'
    category = PluginCategory.CUSTOM

    def execute(self) -> dict:
        input_path = self.params.input_path
        output_path = self.params.output_path
        self.log('process_start', {'input': input_path})
        total_items = 100
        for i in range(total_items):
            self.set_progress(i + 1, total_items)
            if self.params.verbose:
                self.log('item_processed', {'index': i})
        self.set_metrics({'items_processed': total_items}, 'process')
        return {
            'status': 'completed',
            'output_path': output_path,
            'items_processed': total_items,
        }
'''

PARAMS_VALUES = {
    'input_path': '/data/input.csv',
    'output_path': '/data/output.csv',
    'batch_size': 64,
    'verbose': False,
}


def make_plugin():
    root = tempfile.mkdtemp(prefix='synapse-bench-')
    package = os.path.join(root, 'my_plugin')
    os.makedirs(package)
    # The package exports its action, so that run_plugin('my_plugin', ...) finds it by module path,
    # as the tutorial's step 4 runs it.
    for name, text in (('__init__.py', INIT), ('params.py', PARAMS), ('actions.py', ACTIONS), ('config.yaml', CONFIG)):
        with open(os.path.join(package, name), 'w') as f:
            f.write(text)
    sys.path.insert(0, root)


def run_once():
    from synapse_sdk.plugins.runner import run_plugin
    result = run_plugin('my_plugin', 'process', PARAMS_VALUES, mode='local')
    if result['items_processed'] != 100:
        raise SystemExit('unexpected result: %r' % (result,))
    return result


def main():
    make_plugin()
    if sys.argv[1] == 'once':
        print(run_once())
        return
    calls, out = int(sys.argv[2]), sys.argv[3]
    for _ in range(max(10, calls // 10)):
        run_once()
    times = []
    for _ in range(calls):
        t0 = time.perf_counter_ns()
        run_once()
        times.append((time.perf_counter_ns() - t0) / 1e3)
    from importlib.metadata import version
    with open(out, 'w') as f:
        json.dump({'calls': calls, 'us': times, 'python': sys.version.split()[0],
                   'synapse_sdk': version('synapse-sdk')}, f)


if __name__ == '__main__':
    main()
