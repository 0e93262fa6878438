package dev.snowpulse.workload.script;

import java.util.List;

/** A parsed pgbench expression, evaluated against one client's variables and random generator. */
public sealed interface Expr {

    /** What an expression reads while it is evaluated. */
    interface Scope {
        Value variable(String name);

        ScriptRandom random();
    }

    Value eval(Scope scope);

    record Constant(Value value) implements Expr {
        @Override
        public Value eval(Scope scope) {
            return value;
        }
    }

    record Variable(String name) implements Expr {
        @Override
        public Value eval(Scope scope) {
            return scope.variable(name);
        }
    }

    /** A function or an operator (pgbench treats them alike); AND, OR and CASE evaluate lazily. */
    record Call(Function function, List<Expr> args) implements Expr {
        @Override
        public Value eval(Scope scope) {
            return function.apply(args, scope);
        }
    }
}
