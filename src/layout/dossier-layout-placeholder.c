/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Replaced by the model classes. */
