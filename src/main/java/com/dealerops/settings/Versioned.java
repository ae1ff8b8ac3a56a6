package com.dealerops.settings;

/** A settings section and the version it is at (its ETag). */
public record Versioned<T>(T settings, long version) {
}
