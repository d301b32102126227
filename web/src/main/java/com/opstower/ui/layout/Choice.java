package com.opstower.ui.layout;

/** One option of a select or checkbox group: the submitted value and what people read. */
public record Choice(String value, String label) {}
