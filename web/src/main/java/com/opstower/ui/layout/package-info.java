/**
 * What every page shares: flash messages, error pages, the home redirect and the static assets
 * (Pico CSS from its WebJar, the UI's own stylesheet and script).
 */
package com.opstower.ui.layout;
