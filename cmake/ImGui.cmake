# Debian's libimgui.a (1.86) already holds the SDL2 and OpenGL3 backends and imgui_freetype, but
# imgui.pc lists only -limgui -lstb. Wrap it so FreeType, SDL2, OpenGL and dl come after it.
find_library(IMGUI_STATIC_LIB NAMES libimgui.a imgui REQUIRED)
find_path(IMGUI_INCLUDE_DIR imgui.h PATH_SUFFIXES imgui REQUIRED)

add_library(imgui_debian INTERFACE)
add_library(brugpunt::imgui ALIAS imgui_debian)
target_include_directories(imgui_debian INTERFACE ${IMGUI_INCLUDE_DIR} ${IMGUI_INCLUDE_DIR}/backends)
target_link_libraries(imgui_debian INTERFACE
    ${IMGUI_STATIC_LIB} PkgConfig::STB Freetype::Freetype SDL2::SDL2 OpenGL::GL ${CMAKE_DL_LIBS})
