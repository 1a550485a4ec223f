package com.lendingops.taskbridge.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** docker/Dockerfile.native's build command works: -Dnative activates a profile that builds the native runner. */
class NativeBuildTest {

    @Test
    void theNativePropertyActivatesANativeBuildOfTheRunnerTheDockerfileCopies() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(ProjectFiles.root().resolve("pom.xml").toFile());
        XPath xpath = XPathFactory.newInstance().newXPath();
        String profile = "/*[local-name()='project']/*[local-name()='profiles']/*[local-name()='profile']"
                + "[*[local-name()='id']='native']";
        String dockerfile = Files.readString(ProjectFiles.root().resolve(Path.of("docker", "Dockerfile.native")));

        assertThat(xpath.evaluate(profile + "/*[local-name()='activation']/*[local-name()='property']"
                + "/*[local-name()='name']", pom)).isEqualTo("native");
        assertThat(xpath.evaluate(profile + "/*[local-name()='properties']/*[local-name()='quarkus.native.enabled']",
                pom)).isEqualTo("true");
        assertThat(dockerfile).contains("./mvnw -B package -Dnative").contains("COPY --chown=185:root --chmod=0755 target/*-runner");
    }
}
