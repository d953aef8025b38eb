def log = new File(basedir, 'build.log').text
assert log.contains('Tests drive Ray')
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
return true
