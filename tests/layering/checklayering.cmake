# SPDX-License-Identifier: GPL-3.0-or-later
# Checks the include rules of ARCHITECTURE.md ("Layers and folders") that the linker cannot:
#   - core/net is transport only: no providers/, sse/ or metrics/ header;
#   - nothing under core/ includes a Qt Gui or Widgets header;
#   - nothing under ui/ includes a net/ header.
# Run as: cmake -DVERSUS_SOURCE_DIR=<repo> -DQT_HEADERS_DIR=<qt include dir> -P checklayering.cmake
# Fails (non-zero exit) and lists every offending include.

if(NOT VERSUS_SOURCE_DIR OR NOT IS_DIRECTORY "${VERSUS_SOURCE_DIR}/core")
    message(FATAL_ERROR "VERSUS_SOURCE_DIR must point at the source tree")
endif()

set(violations "")

# Appends "file:line: #include ..." to violations for every include of the files in
# @p files whose target (the text between the quotes or angle brackets) matches @p pattern.
function(versus_check_includes rule pattern)
    set(found "")
    foreach(file IN LISTS ARGN)
        file(STRINGS "${file}" lines REGEX "^[ \t]*#[ \t]*include")
        foreach(line IN LISTS lines)
            if(line MATCHES "#[ \t]*include[ \t]*[<\"]([^>\"]+)[>\"]")
                set(target "${CMAKE_MATCH_1}")
                if(target MATCHES "${pattern}")
                    file(RELATIVE_PATH rel "${VERSUS_SOURCE_DIR}" "${file}")
                    list(APPEND found "${rel}: ${line}  (${rule})")
                endif()
            endif()
        endforeach()
    endforeach()
    set(violations ${violations} ${found} PARENT_SCOPE)
endfunction()

file(GLOB_RECURSE net_files "${VERSUS_SOURCE_DIR}/core/net/*.h" "${VERSUS_SOURCE_DIR}/core/net/*.cpp")
versus_check_includes("core/net is transport only" "^(\\.\\./)*(core/)?(providers|sse|metrics)/" ${net_files})

# Qt Gui/Widgets headers: by module path (<QtGui/QColor>, <QtWidgets>) and, when the Qt
# header directory is known, by class header name (<QColor>, <QWidget>).
file(GLOB_RECURSE core_files "${VERSUS_SOURCE_DIR}/core/*.h" "${VERSUS_SOURCE_DIR}/core/*.cpp")
set(gui_pattern "^Qt(Gui|Widgets|OpenGL|Charts|Svg|PrintSupport)(/|$)")
if(QT_HEADERS_DIR AND IS_DIRECTORY "${QT_HEADERS_DIR}/QtGui")
    set(gui_names "")
    foreach(module QtGui QtWidgets)
        file(GLOB module_headers RELATIVE "${QT_HEADERS_DIR}/${module}" "${QT_HEADERS_DIR}/${module}/Q*")
        list(APPEND gui_names ${module_headers})
    endforeach()
    list(FILTER gui_names INCLUDE REGEX "^Q[A-Za-z0-9]+$")
    list(REMOVE_DUPLICATES gui_names)
    string(JOIN "|" gui_alternatives ${gui_names})
    set(gui_pattern "${gui_pattern}|^(${gui_alternatives})$")
endif()
versus_check_includes("core has no Gui/Widgets" "${gui_pattern}" ${core_files})

file(GLOB_RECURSE ui_files "${VERSUS_SOURCE_DIR}/ui/*.h" "${VERSUS_SOURCE_DIR}/ui/*.cpp")
versus_check_includes("ui talks to no net/ header" "^(\\.\\./)*(core/)?net/" ${ui_files})

list(LENGTH net_files n_net)
list(LENGTH core_files n_core)
list(LENGTH ui_files n_ui)
if(n_net EQUAL 0 OR n_core EQUAL 0 OR n_ui EQUAL 0)
    message(FATAL_ERROR "layering: no files found to check (core/net ${n_net}, core ${n_core}, ui ${n_ui})")
endif()
if(violations)
    string(JOIN "\n  " text ${violations})
    message(FATAL_ERROR "layering: includes that break the layers:\n  ${text}")
endif()
message(STATUS "layering: ${n_net} core/net, ${n_core} core and ${n_ui} ui files follow the include rules")
