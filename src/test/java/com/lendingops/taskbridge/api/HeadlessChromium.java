package com.lendingops.taskbridge.api;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's {@code chromium} and {@code chromium-driver}, found where the packages install them (or through
 * {@code CHROMIUM_BINARY} / {@code CHROMEDRIVER_BINARY}). Nothing is ever downloaded: without them the browser
 * test is skipped with the reason, except in CI ({@code CI=true}), where {@code .ci/run} installs them and
 * their absence is a failure.
 */
final class HeadlessChromium {

    private HeadlessChromium() {
    }

    /**
     * Why the browser test cannot run here, or empty when it can. In CI ({@code CI=true}) a missing browser is a
     * failure: {@code .ci/run} installs it.
     */
    static Optional<String> unavailable() {
        Optional<File> browser = browser();
        Optional<File> driver = driver();
        if (browser.isPresent() && driver.isPresent()) {
            return Optional.empty();
        }
        String why = "Console browser test skipped: no Chromium found (" + (browser.isEmpty() ? "chromium" : "")
                + (browser.isEmpty() && driver.isEmpty() ? " and " : "") + (driver.isEmpty() ? "chromedriver" : "")
                + " missing). Install Debian's packages: apt-get install -y chromium chromium-driver";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(why.replace("skipped", "cannot run in CI"));
        }
        return Optional.of(why);
    }

    /** Starts headless Chromium; call only when {@link #unavailable()} is empty. */
    static ChromeDriver start() {
        Optional<File> browser = browser();
        Optional<File> driver = driver();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.get());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,1600", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.get())
                .usingAnyFreePort().build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return chrome;
    }

    private static Optional<File> browser() {
        return find("CHROMIUM_BINARY", List.of("/usr/bin/chromium", "/usr/lib/chromium/chromium"));
    }

    private static Optional<File> driver() {
        return find("CHROMEDRIVER_BINARY", List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"));
    }

    private static Optional<File> find(String variable, List<String> places) {
        String configured = System.getenv(variable);
        if (configured != null && !configured.isBlank()) {
            return Optional.of(new File(configured)).filter(File::canExecute);
        }
        return places.stream().map(File::new).filter(File::canExecute).findFirst();
    }
}
