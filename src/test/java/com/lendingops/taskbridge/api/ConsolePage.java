package com.lendingops.taskbridge.api;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What the browser test does on the console page, in the words of an operator. */
final class ConsolePage {

    private final WebDriver browser;
    private final URL base;
    private final WebDriverWait wait;

    ConsolePage(WebDriver browser, URL base) {
        this.browser = browser;
        this.base = base;
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    /** Signs in through the one-click link (token in the fragment) and waits for the live summary. */
    ConsolePage signInWith(String token) {
        browser.manage().deleteAllCookies();
        browser.get(base.toString().replaceAll("/$", "") + "/console/sign-in#token=" + token);
        try {
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("summary-cards")));
            wait.until(driver -> driver.findElement(By.id("dead-letters")).getDomAttribute("data-loads") != null);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the console did not show its summary; at " + browser.getCurrentUrl()
                    + " the page says: " + browser.findElement(By.tagName("body")).getText(), e);
        }
        return this;
    }

    /** The role badge as written (the style shows it in capitals). */
    String role() {
        return browser.findElement(By.id("role")).getDomProperty("textContent");
    }

    ConsolePage search(String kind, String value) {
        new Select(browser.findElement(By.id("search-kind"))).selectByValue(kind);
        WebElement input = browser.findElement(By.id("search-input"));
        input.clear();
        input.sendKeys(value);
        browser.findElement(By.id("search-button")).click();
        return this;
    }

    /** The "what" column of the timeline rows of this case, once it shows. */
    List<String> timelineOf(String caseId) {
        WebElement box = caseBox(caseId);
        return box.findElements(By.cssSelector("tr.timeline td.what")).stream().map(WebElement::getText).toList();
    }

    WebElement caseBox(String caseId) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("div.case[data-case-id='" + caseId + "']")));
    }

    void waitForTimelineEntry(String caseId, String what) {
        wait.until(driver -> timelineOf(caseId).contains(what));
    }

    String requestState(String caseId, String eventId) {
        return caseBox(caseId).findElement(By.cssSelector("tr[data-event-id='" + eventId + "'] span.state")).getText();
    }

    String phoneShown(String caseId) {
        return caseBox(caseId).findElement(By.cssSelector("td.phone")).getText();
    }

    int actionButtons() {
        return browser.findElements(By.cssSelector("button.action")).size();
    }

    /** Clicks the request's button and confirms the dialog. */
    void actOnRequest(String caseId, String eventId, String action) {
        caseBox(caseId).findElement(By.cssSelector("tr[data-event-id='" + eventId + "'] button.action-" + action))
                .click();
        confirm();
    }

    /** Reloads the dead-letter list and waits until it is drawn again (so no row goes stale under us). */
    void refreshDeadLetters() {
        String before = browser.findElement(By.id("dead-letters")).getDomAttribute("data-loads");
        browser.findElement(By.id("dead-letters-refresh")).click();
        wait.until(driver -> {
            String now = driver.findElement(By.id("dead-letters")).getDomAttribute("data-loads");
            return now != null && !now.equals(before);
        });
    }

    boolean deadLettersShow(String text) {
        return browser.findElement(By.id("dead-letters")).getText().contains(text);
    }

    /** Finds the dead letter whose key is shown, corrects its value and replays it. */
    void replayDeadLetterCorrected(String key, String correctedValue) {
        WebElement row = wait.until(driver -> driver.findElements(By.cssSelector("tr.dead-letter")).stream()
                .filter(r -> r.getText().contains(key)).findFirst().orElse(null));
        row.findElement(By.cssSelector("button.action-edit")).click();
        WebElement editor = row.findElement(By.cssSelector("textarea.replay-value"));
        editor.clear();
        editor.sendKeys(correctedValue);
        row.findElement(By.cssSelector("button.action-replay-corrected")).click();
        confirm();
    }

    String replayResult() {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".replay-result"))).getText();
    }

    private void confirm() {
        wait.until(ExpectedConditions.alertIsPresent()).accept();
    }
}
