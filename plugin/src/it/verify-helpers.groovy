/*
 * What the invoker projects' verify.groovy scripts share. A script loads it with
 *
 *     def build = evaluate(new File(verifyHelpers))
 *
 * (verifyHelpers, this file's absolute path, is a script variable set in plugin/pom.xml, so it does not
 * depend on where the projects are cloned) and gets the build of its own project, read from the script's
 * basedir: build.log, build.report(), build.byName(report), build.surefireSuite('it.CounterTest'), ...
 */
import groovy.json.JsonSlurper
import javax.xml.parsers.DocumentBuilderFactory
import org.w3c.dom.Element

class InvokedBuild {
    /** The project's directory, where the invoker ran its build. */
    final File basedir

    InvokedBuild(File basedir) {
        this.basedir = basedir
    }

    /** The text of the build's log, build.log. */
    String getLog() {
        new File(basedir, 'build.log').text
    }

    /** concurrency:run's default reports directory, target/concurrency-reports. */
    File getReports() {
        new File(basedir, 'target/concurrency-reports')
    }

    /** A JSON report in the reports directory, report.json unless named. */
    Object report(String name = 'report.json') {
        json(new File(reports, name))
    }

    /** A JSON file, parsed. */
    static Object json(File file) {
        new JsonSlurper().parse(file)
    }

    /** A report's exercises by simple class name and method: 'RacyCounter#increment'. */
    static Map<String, Object> byName(report) {
        report.exercises.collectEntries { [(it['class'].tokenize('.').last() + '#' + it.method): it] }
    }

    /** A report's exercise names in its order, with the class name in full: 'it.RacyCounter#increment'. */
    static List<String> names(report) {
        report.exercises.collect { it['class'] + '#' + it.method }
    }

    /** The root element (testsuite) of Surefire's XML report of a test class. */
    Element surefireSuite(String testClass) {
        DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new File(basedir, "target/surefire-reports/TEST-${testClass}.xml")).documentElement
    }

    /** How many processes on this machine have a command line the condition holds for. */
    static long processes(Closure<Boolean> commandLine) {
        ProcessHandle.allProcesses().filter { p -> commandLine(p.info().commandLine().orElse('')) }.count()
    }
}

new InvokedBuild(basedir as File)
