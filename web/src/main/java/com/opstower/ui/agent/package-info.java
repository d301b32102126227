/** Agent pages: list, create and edit agents, and choose the connections each may call. */
package com.opstower.ui.agent;
