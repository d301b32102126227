/** Activity: the log of agent requests executed through connections. */
package com.opstower.activity.entity;
