# The two commands of the README: `make up` runs the system, `make test` tests it. Both install what is missing.
SHELL := /bin/bash
.DEFAULT_GOAL := help
export STACK_NAME ?= dev

.PHONY: help install build up down status test test-unit lint typecheck check

help:
	@echo "make up       install what is missing, start Kafka, the database and the five services (dev ports)"
	@echo "make down     stop everything make up started"
	@echo "make status   what is running"
	@echo "make test     install what is missing, lint, typecheck, then every test against a throwaway stack (test ports)"
	@echo "make test-unit  only the unit specs: seconds, no Kafka, database or browser"
	@echo "make check    lint and typecheck"

node_modules/.install-stamp: package.json package-lock.json
	@deploy/local/require-tools.sh node npm
	@# npm ci installs exactly the committed lock file (which lists every platform's optional packages) and never
	@# rewrites it, so the working tree stays clean.
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

install: node_modules/.install-stamp
	@deploy/local/infra.sh install

# Rebuilds only when a source changed since the last build.
build: install
	@node tools/build.js --if-stale

up: build
	@deploy/local/infra.sh start
	@deploy/local/services.sh start

down:
	@deploy/local/services.sh stop
	@deploy/local/infra.sh stop

status:
	@deploy/local/infra.sh status
	@deploy/local/services.sh status

# Lint and typecheck first, so a type or lint error fails the run (CI runs this target) before the suite starts.
test: check build
	@deploy/local/browser.sh install
	@deploy/local/pdf-tools.sh install
	@deploy/local/k8s-tools.sh install
	@deploy/local/run-tests.sh

# Node packages only: the unit specs need no Kafka, database or browser.
test-unit: node_modules/.install-stamp
	@npm run -s test:unit

lint: install
	@echo "lint (eslint, zero warnings)"
	@npm run -s lint

typecheck: install
	@echo "typecheck (tsc --noEmit)"
	@npm run -s typecheck

check: lint typecheck
