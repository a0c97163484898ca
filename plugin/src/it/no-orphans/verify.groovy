import java.util.concurrent.TimeUnit

/*
 * Runs mvn concurrency:run on a @ForkProcesses(4) exercise that sleeps for minutes, kills that
 * Maven with SIGKILL once the child JVMs are up (as a CI job's timeout or the OOM killer does,
 * leaving Maven no time to clean up), and checks that the forked JVM and its children end on
 * their own within 10 s. Whatever it started is killed at the end, pass or fail.
 */

long startLimitNanos = TimeUnit.MINUTES.toNanos(3)   // a loaded 2-core machine starts six JVMs slowly
long endLimitNanos = TimeUnit.SECONDS.toNanos(10)

// the same repository as the invoker's build, offline: that build brought in all this one needs
File settings = new File(basedir, 'nested-settings.xml')
String repository = new File(localRepositoryPath.toString()).toURI().toString()
settings.text = """<settings>
  <profiles>
    <profile>
      <id>it-repo</id>
      <activation><activeByDefault>true</activeByDefault></activation>
      <repositories><repository><id>local.central</id><url>$repository</url></repository></repositories>
      <pluginRepositories><pluginRepository><id>local.central</id><url>$repository</url></pluginRepository></pluginRepositories>
    </profile>
  </profiles>
</settings>
"""
File log = new File(basedir, 'nested-build.log')
String mvn = new File(System.getProperty('maven.home'), 'bin/mvn').path
Process mvnProcess = new ProcessBuilder(mvn, '-B', '-o', '-s', settings.path, "-Dmaven.repo.local=$localRepositoryPath",
        '-Dstyle.color=never', 'concurrency:run')
        .directory(basedir).redirectErrorStream(true).redirectOutput(log).start()

/** A process that has ended but that its new parent has not reaped yet is a zombie: dead, though its pid remains. */
boolean running(ProcessHandle process) {
    if (!process.isAlive()) {
        return false
    }
    File stat = new File("/proc/${process.pid()}/stat")
    String text
    try {
        text = stat.exists() ? stat.text : ''
    } catch (IOException gone) {
        // it ended between the two looks: the entry is gone (FileNotFoundException), or its read fails with ESRCH
        return false
    }
    return text.isEmpty() || !text.substring(text.lastIndexOf(')') + 2).startsWith('Z')
}

String commandLine(ProcessHandle process) {
    process.info().commandLine().orElse('')
}

List<ProcessHandle> treeOf(Process process) {
    [process.toHandle()] + process.descendants().toList()
}

List<ProcessHandle> recorded = []
try {
    long waitedFrom = System.nanoTime()
    while (treeOf(mvnProcess).count { commandLine(it).contains('ChildMain') } < 4) {
        assert mvnProcess.alive : "Maven ended before the four child JVMs were up; see $log"
        assert System.nanoTime() - waitedFrom < startLimitNanos : "the four child JVMs were not up after 3 minutes; see $log"
        sleep 200
    }
    recorded = treeOf(mvnProcess)
    ProcessHandle maven = recorded.find { commandLine(it).contains('org.codehaus.plexus.classworlds.launcher.Launcher') }
    assert maven != null : 'the Maven JVM among ' + recorded.collect { commandLine(it) }
    List<ProcessHandle> jvms = recorded - maven
    assert jvms.count { commandLine(it).contains('fork.args') } == 1 : 'the forked JVM, started with its argument file'
    assert jvms.count { commandLine(it).contains('ChildMain') } == 4

    maven.destroyForcibly()   // SIGKILL
    long killedAt = System.nanoTime()
    List<ProcessHandle> left = jvms
    while (!left.isEmpty() && System.nanoTime() - killedAt < endLimitNanos) {
        sleep 20
        left = left.findAll { running(it) }
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt)
    assert left.isEmpty() : "10 s after Maven was killed, these JVMs of its run were still running: " +
            left.collect { "${it.pid()} ${commandLine(it).take(200)}" }
    println "no-orphans: the ${jvms.size()} JVMs of the run (pids ${jvms*.pid()}) were gone ${millis} ms after Maven was killed"
} finally {
    (recorded + (mvnProcess.alive ? treeOf(mvnProcess) : [])).each { it.destroyForcibly() }
    mvnProcess.waitFor(30, TimeUnit.SECONDS)
}
