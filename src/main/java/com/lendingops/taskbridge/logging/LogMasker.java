package com.lendingops.taskbridge.logging;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes customer phone numbers and credentials from a rendered log line. Pure (no I/O, no state), so every rule
 * is unit-tested and the filter only decides where it applies.
 * <ul>
 * <li>Credentials: the configured incs token wherever it appears; {@code Bearer ...}; anything shaped like a JWT;
 * the value after {@code Authorization}, {@code token} or {@code api-token} keys.</li>
 * <li>Phones, in every spelling the ingest accepts ({@code mapping.PhoneNumbers}): an optional {@code +} and runs of
 * digits with the separators it removes (spaces, no-break spaces, dashes, dots, brackets), 8 digits or more, not
 * glued to letters (so ids such as a UUID or {@code CASE-2026-000123} stay readable). Dates ({@code 2026-04-16},
 * {@code 2026-04-16 09}) and IPv4 addresses are left alone. A masked phone keeps its last three digits.</li>
 * </ul>
 */
public final class LogMasker {

    static final String MASK = "***";

    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer)\\s+[A-Za-z0-9._~+/=-]+");
    private static final Pattern CREDENTIAL_VALUE = Pattern.compile(
            "(?i)\\b(authorization|proxy-authorization|(?:[a-z]+[-_.])?token|password|secret)(\\\"?\\s*[:=]\\s*\\\"?)"
                    + "(?:(?:basic|bearer)\\s+)?[^\\s\",;&]+");
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\w+])(?<!\\w[-.\\u2010-\\u2015])\\+?[(\\[]?\\d[\\d\\s\\u00A0\\-\\u2010-\\u2015.()\\[\\]]{6,}\\d"
                    + "(?![\\w])(?![-.\\u2010-\\u2015]\\w)");
    private static final Pattern DATE = Pattern.compile(
            "(19|20)\\d\\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])([ T]\\d{1,2})?");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final int MIN_PHONE_DIGITS = 8;

    private final List<String> secrets;

    /** {@code secrets}: literal values never to print (the incs token); blank or very short ones are ignored. */
    public LogMasker(List<String> secrets) {
        this.secrets = secrets.stream().filter(s -> s != null && s.strip().length() >= 4).map(String::strip).toList();
    }

    public String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, MASK);
        }
        out = JWT.matcher(out).replaceAll(MASK);
        out = BEARER.matcher(out).replaceAll("$1 " + MASK);
        out = CREDENTIAL_VALUE.matcher(out).replaceAll("$1$2" + MASK);
        return PHONE.matcher(out).replaceAll(LogMasker::maskPhone);
    }

    private static String maskPhone(java.util.regex.MatchResult match) {
        String candidate = match.group();
        String digits = candidate.replaceAll("\\D", "");
        if (digits.length() < MIN_PHONE_DIGITS || DATE.matcher(candidate).matches()
                || IPV4.matcher(candidate).matches()) {
            return Matcher.quoteReplacement(candidate);
        }
        return Matcher.quoteReplacement(MASK + digits.substring(digits.length() - 3));
    }
}
