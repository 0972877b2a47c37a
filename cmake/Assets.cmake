# Runtime assets land in build/assets so that build/bin/brugpunt finds them at ../assets.
# Pictograms are rasterised from the OpenMoji npm package at build time (see assets/pictograms/).
set(PICTOGRAM_LIST ${CMAKE_SOURCE_DIR}/assets/pictograms/pictograms.txt)
set(PICTOGRAM_SCRIPT ${CMAKE_SOURCE_DIR}/assets/pictograms/build-pictograms.sh)
set(PICTOGRAM_STAMP ${BRUGPUNT_ASSETS_OUT}/pictograms/.stamp)

add_custom_command(
    OUTPUT ${PICTOGRAM_STAMP}
    COMMAND ${PICTOGRAM_SCRIPT} ${PICTOGRAM_LIST} ${BRUGPUNT_ASSETS_OUT}/pictograms ${CMAKE_BINARY_DIR}/_deps
    DEPENDS ${PICTOGRAM_LIST} ${PICTOGRAM_SCRIPT}
    COMMENT "Rasterising OpenMoji pictograms"
    VERBATIM)

file(GLOB_RECURSE DEMO_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/assets/demo/* ${CMAKE_SOURCE_DIR}/assets/staff/*)
file(GLOB TRANSLATION_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/translations/*)
set(DEMO_STAMP ${BRUGPUNT_ASSETS_OUT}/.data-stamp)
add_custom_command(
    OUTPUT ${DEMO_STAMP}
    COMMAND ${CMAKE_COMMAND} -E copy_directory ${CMAKE_SOURCE_DIR}/assets/demo ${BRUGPUNT_ASSETS_OUT}/demo
    COMMAND ${CMAKE_COMMAND} -E copy_directory ${CMAKE_SOURCE_DIR}/translations ${BRUGPUNT_ASSETS_OUT}/translations
    COMMAND ${CMAKE_COMMAND} -E copy_directory ${CMAKE_SOURCE_DIR}/assets/staff ${BRUGPUNT_ASSETS_OUT}/staff
    COMMAND ${CMAKE_COMMAND} -E touch ${DEMO_STAMP}
    DEPENDS ${DEMO_FILES} ${TRANSLATION_FILES}
    COMMENT "Copying demo catalogue, staff templates and translations"
    VERBATIM)

add_custom_target(brugpunt_assets ALL DEPENDS ${PICTOGRAM_STAMP} ${DEMO_STAMP})
