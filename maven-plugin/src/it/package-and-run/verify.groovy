// Checks what the goals wrote and printed, and that `synapse package` of the same module gives the same bytes.
def log = new File(basedir, 'build.log').text
assert log.contains('Params file src/main/synapse/params/greet.json is valid for action greet')
assert log.contains('Params file src/main/synapse/params/greet.short.yaml is valid for action greet')
assert log.contains('Params file src/main/synapse/params/greet/max.yml is valid for action greet')
assert log.contains('No io.synapse.plugins:synapse-plugins-ray among the test dependencies')
assert log.contains('Packaged plugin it_tools 1.0.0 into')

def zip = new File(basedir, 'target/it-tools-1.0.0-synapse.zip')
assert zip.isFile()
def names = new java.util.zip.ZipFile(zip).withCloseable { z -> z.entries().collect { it.name } }
assert names.contains('config.yaml')
assert names.contains('lib/it_tools-1.0.0.jar')
assert names.any { it ==~ /lib\/synapse-plugins-runtime-.*\.jar/ }
assert names.any { it ==~ /lib\/jackson-databind-.*\.jar/ }
assert !names.any { it.contains('jakarta.validation') } : 'provided dependencies are not packaged'

// The command line packs the module directory (target/classes and target/lib) into the same bytes.
def cliZip = new File(basedir, 'target/cli-package.zip')
def java = new File(System.getProperty('java.home'), 'bin/java').path
def proc = [java, '-cp', cliJar, 'io.synapse.plugins.cli.SynapseCli', 'package', basedir.path, '-o', cliZip.path].execute()
def out = new StringBuilder(), err = new StringBuilder()
proc.waitForProcessOutput(out, err)
assert proc.exitValue() == 0 : "synapse package failed: $out $err"
assert java.util.Arrays.equals(zip.bytes, cliZip.bytes) : 'synapse:package and synapse package wrote different bytes'

// synapse:schema copied every schema; with an action it wrote that one.
assert new File(basedir, 'target/synapse-schemas/greet.params.schema.json').text.contains('"name"')
assert new File(basedir, 'target/synapse-schemas/greet.result.schema.json').isFile()
assert new File(basedir, 'target/greet.json').text == new File(basedir, 'target/synapse-schemas/greet.params.schema.json').text

// synapse:run ran the action in a JVM of its own and printed the JSON result.
assert log.contains('Running action greet of plugin it_tools (local)')
def result = (log =~ /\{\s*"text"\s*:\s*"hello ada hello ada"\s*,\s*"pid"\s*:\s*(\d+)\s*\}/)
assert result.find() : 'the JSON result is printed'
return true
