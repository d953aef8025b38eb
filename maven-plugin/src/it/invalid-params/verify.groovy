// Every bad params file is listed, with every violation, before the build fails; the good one passes.
def log = new File(basedir, 'build.log').text
assert log.contains('Params file src/main/synapse/params/greet.json is valid for action greet')
assert log.contains('3 of 4 params files of plugin it_tools are not valid')
assert log.contains('src/main/synapse/params/greet.bad.json (action greet, invalid params)')
assert log.contains('name') && log.contains('times') && log.contains('colour')
assert log.contains("did you mean") : 'unknown keys and actions get a suggestion'
assert log.contains('src/main/synapse/params/greet.broken.yaml (action greet, usage error)')
assert log.contains('extra/typo.json (action greeet, plugin, action or job not found)')
return true
