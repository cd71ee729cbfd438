# The two commands of the README: `make up` runs the system, `make test` tests it. Both install what is missing.
SHELL := /bin/bash
.DEFAULT_GOAL := help
export STACK_NAME ?= dev

.PHONY: help install build up down status test lint typecheck check

help:
	@echo "make up       install what is missing, start Kafka, the database and the five services (dev ports)"
	@echo "make down     stop everything make up started"
	@echo "make status   what is running"
	@echo "make test     install what is missing, run every test against a throwaway stack (test ports)"
	@echo "make check    lint and typecheck"

node_modules/.install-stamp: package.json package-lock.json
	@deploy/local/require-tools.sh node npm
	@# npm install, not npm ci: the registry mirror here lacks other platforms' optional packages (e.g. @swc/core
	@# for macOS), which npm ci insists on finding in the lock file; npm install still follows the lock file.
	npm install --no-audit --no-fund --loglevel=error
	@touch $@

install: node_modules/.install-stamp
	@deploy/local/infra.sh install

build: install
	npm run -s build

up: build
	@deploy/local/infra.sh start
	@deploy/local/services.sh start

down:
	@deploy/local/services.sh stop
	@deploy/local/infra.sh stop

status:
	@deploy/local/infra.sh status
	@deploy/local/services.sh status

test: build
	@deploy/local/browser.sh install
	@deploy/local/run-tests.sh

lint: install
	npm run -s lint

typecheck: install
	npm run -s typecheck

check: lint typecheck
