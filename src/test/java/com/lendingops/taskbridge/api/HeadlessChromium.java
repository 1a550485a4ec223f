package com.lendingops.taskbridge.api;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
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

    static ChromeDriver start() {
        Optional<File> browser = find("CHROMIUM_BINARY", List.of("/usr/bin/chromium", "/usr/lib/chromium/chromium"));
        Optional<File> driver = find("CHROMEDRIVER_BINARY", List.of("/usr/bin/chromedriver",
                "/usr/lib/chromium/chromedriver"));
        if (browser.isEmpty() || driver.isEmpty()) {
            String why = "Console browser test skipped: no Chromium found (" + (browser.isEmpty() ? "chromium" : "")
                    + (browser.isEmpty() && driver.isEmpty() ? " and " : "") + (driver.isEmpty() ? "chromedriver" : "")
                    + " missing). Install Debian's packages: apt-get install -y chromium chromium-driver";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(why.replace("skipped", "cannot run in CI"));
            }
            Assumptions.abort(why);
        }
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

    private static Optional<File> find(String variable, List<String> places) {
        String configured = System.getenv(variable);
        if (configured != null && !configured.isBlank()) {
            return Optional.of(new File(configured)).filter(File::canExecute);
        }
        return places.stream().map(File::new).filter(File::canExecute).findFirst();
    }
}
