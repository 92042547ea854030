#!/usr/bin/env bash
# The emulator as a test kit, from outside the reactor: a consumer project generated under
# target/emulator-consumer depends only on installed artifacts (the BOM, the client, the JUnit
# extension), and tests code of its own (a task janitor that retries a stop on 5xx) against the
# emulator through @CodeArtsCheckEmulatorTest, with injected faults. The check fails unless the
# consumer's tests ran and passed. EMULATOR_CONSUMER_BREAK=1 breaks the consumer's code on purpose
# (the janitor stops retrying): the check must then fail.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
version=$(grep -m1 -oP '(?<=<version>)[^<]+' pom.xml)
prop() { grep -m1 -oP "(?<=<$1>)[^<]+" pom.xml; }

echo "emulator-consumer: mvn install -DskipTests (the reactor's artifacts into the local repository)"
mvn -q -B install -DskipTests

work=$root/target/emulator-consumer
rm -rf "$work"
mkdir -p "$work/src/main/java/com/example" "$work/src/test/java/com/example"

cat >"$work/pom.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.example</groupId>
  <artifactId>janitor</artifactId>
  <version>1.0</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <dependencyManagement>
    <dependencies>
      <dependency>
        <groupId>io.codeartscheck</groupId>
        <artifactId>codearts-check-bom</artifactId>
        <version>$version</version>
        <type>pom</type>
        <scope>import</scope>
      </dependency>
    </dependencies>
  </dependencyManagement>
  <dependencies>
    <dependency>
      <groupId>io.codeartscheck</groupId>
      <artifactId>codearts-check-client</artifactId>
    </dependency>
    <dependency>
      <groupId>io.codeartscheck</groupId>
      <artifactId>codearts-check-emulator-junit</artifactId>
      <scope>test</scope>
    </dependency>
    <dependency>
      <groupId>org.junit.jupiter</groupId>
      <artifactId>junit-jupiter</artifactId>
      <version>$(prop junit.version)</version>
      <scope>test</scope>
    </dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <artifactId>maven-resources-plugin</artifactId>
        <version>$(prop resources-plugin.version)</version>
      </plugin>
      <plugin>
        <artifactId>maven-compiler-plugin</artifactId>
        <version>$(prop compiler-plugin.version)</version>
      </plugin>
      <plugin>
        <artifactId>maven-surefire-plugin</artifactId>
        <version>$(prop surefire-plugin.version)</version>
      </plugin>
    </plugins>
  </build>
</project>
EOF

retries=3
if [ "${EMULATOR_CONSUMER_BREAK:-0}" = 1 ]; then
  echo "emulator-consumer: breaking the consumer's code on purpose (no retry)"
  retries=1
fi
cat >"$work/src/main/java/com/example/TaskJanitor.java" <<EOF
package com.example;

import io.codeartscheck.client.CodeArtsCheckClient;
import io.codeartscheck.client.ServerErrorException;

/** The consumer's own code: stops a task, retrying when the service has a server error. */
public final class TaskJanitor {
    private final CodeArtsCheckClient client;

    public TaskJanitor(CodeArtsCheckClient client) {
        this.client = client;
    }

    /** Stops the task; returns the number of attempts it took. */
    public int stop(String taskId) {
        for (int attempt = 1; ; attempt++) {
            try {
                client.stopTaskByIdV2(taskId);
                return attempt;
            } catch (ServerErrorException e) {
                if (attempt >= $retries) {
                    throw e;
                }
            }
        }
    }
}
EOF

cat >"$work/src/test/java/com/example/TaskJanitorTest.java" <<'EOF'
package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.codeartscheck.client.ClientErrorException;
import io.codeartscheck.client.CodeArtsCheckClient;
import io.codeartscheck.emulator.Emulator;
import io.codeartscheck.emulator.EmulatorData;
import io.codeartscheck.emulator.Fault;
import io.codeartscheck.emulator.Operation;
import io.codeartscheck.emulator.SeededTask;
import io.codeartscheck.emulator.TaskStatus;
import io.codeartscheck.emulator.junit.CodeArtsCheckEmulatorTest;
import org.junit.jupiter.api.Test;

@CodeArtsCheckEmulatorTest
class TaskJanitorTest {

    @Test
    void stop_retriesThroughTwoServerErrors(Emulator emulator, CodeArtsCheckClient client) {
        SeededTask task = emulator.addTask(EmulatorData.task().status(TaskStatus.RUNNING));
        emulator.fault(Operation.STOP_TASK_BY_ID_V2, Fault.status(503, "CC.00000010.503", "Busy.").times(2));

        int attempts = new TaskJanitor(client).stop(task.taskId());

        assertEquals(3, attempts);
        assertEquals("stopped", emulator.state().taskStatus(task.taskId()));
        emulator.verify(Operation.STOP_TASK_BY_ID_V2, task.taskId(), 3);
    }

    @Test
    void stop_doesNotRetryAClientError(Emulator emulator, CodeArtsCheckClient client) {
        assertThrows(ClientErrorException.class, () -> new TaskJanitor(client).stop("aexxxx86")); // completed: 400

        emulator.verify(Operation.STOP_TASK_BY_ID_V2, "aexxxx86", 1);
    }
}
EOF

echo "emulator-consumer: mvn test in $work (depends on installed artifacts only)"
(cd "$work" && mvn -q -B test)
report="$work/target/surefire-reports/TEST-com.example.TaskJanitorTest.xml"
if [ ! -f "$report" ] || ! grep -q 'tests="2"' "$report" || ! grep -q 'failures="0"' "$report" \
    || ! grep -q 'errors="0"' "$report"; then
  echo "emulator-consumer: FAILED: the consumer's 2 tests did not all run and pass" >&2
  exit 1
fi
echo "emulator-consumer: passed (2 tests of the consumer's own code against the emulator, faults included)"
