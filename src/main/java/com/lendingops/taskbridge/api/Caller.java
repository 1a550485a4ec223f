package com.lendingops.taskbridge.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.regex.Pattern;

/**
 * Who is calling, for masking and auditing: operators see full phone numbers, everybody else sees only the
 * last four digits (enough to confirm a number read out on the phone, not enough to dial it).
 */
@RequestScoped
public class Caller {

    /** Eight or more digits, possibly spelled with +, spaces, dashes, dots or brackets. */
    private static final Pattern PHONE_LIKE = Pattern.compile("\\+?\\d(?:[\\s\\-.()]*\\d){7,}");

    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public boolean isOperator() {
        return identity.hasRole(Roles.OPERATOR);
    }

    /** The phone as this caller may see it. */
    public String phone(String phone) {
        return isOperator() ? phone : masked(phone);
    }

    /** Free text (a dead letter's value) as this caller may see it: phone-like digit runs masked for viewers. */
    public String text(String text) {
        if (text == null || isOperator()) {
            return text;
        }
        return PHONE_LIKE.matcher(text).replaceAll(match -> masked(match.group().replaceAll("\\D", "")));
    }

    /** All but the last four digits replaced by {@code *}. */
    static String masked(String phone) {
        if (phone == null) {
            return null;
        }
        if (phone.length() <= 4) {
            return "*".repeat(phone.length());
        }
        return "*".repeat(phone.length() - 4) + phone.substring(phone.length() - 4);
    }
}
