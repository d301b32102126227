/** Problems: the contract's error codes and the exception that carries one to the boundary. */
package com.opstower.problem;
